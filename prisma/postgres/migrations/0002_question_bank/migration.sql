-- DropIndex
DROP INDEX "Question_chapterSlug_idx";

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "authorId" TEXT,
ADD COLUMN     "concepts" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "currentVersionId" TEXT,
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'content',
ADD COLUMN     "sourceHash" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'published',
ADD COLUMN     "type" TEXT NOT NULL DEFAULT 'single',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "ProblemReport" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "chapterSlug" TEXT NOT NULL,
    "questionId" TEXT,
    "questionVersionId" TEXT,
    "widget" TEXT,
    "scenario" TEXT,
    "message" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "ProblemReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProblemReport_status_createdAt_idx" ON "ProblemReport"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Question_chapterSlug_status_position_idx" ON "Question"("chapterSlug", "status", "position");

-- CreateIndex
CREATE INDEX "Attempt_quizId_userId_submittedAt_idx" ON "Attempt"("quizId", "userId", "submittedAt");

-- CreateIndex
CREATE INDEX "Attempt_quizId_submittedAt_id_idx" ON "Attempt"("quizId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Response_attemptId_idx" ON "Response"("attemptId");

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemReport" ADD CONSTRAINT "ProblemReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemReport" ADD CONSTRAINT "ProblemReport_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE SET NULL ON UPDATE CASCADE;

