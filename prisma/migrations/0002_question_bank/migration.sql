-- CreateTable
CREATE TABLE "ProblemReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "chapterSlug" TEXT NOT NULL,
    "questionId" TEXT,
    "questionVersionId" TEXT,
    "widget" TEXT,
    "scenario" TEXT,
    "message" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "ProblemReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ProblemReport_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Question" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL DEFAULT 'content',
    "chapterSlug" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'single',
    "concepts" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'published',
    "position" INTEGER NOT NULL DEFAULT 0,
    "authorId" TEXT,
    "sourceHash" TEXT,
    "currentVersionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Question_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Question" ("chapterSlug", "createdAt", "id") SELECT "chapterSlug", "createdAt", "id" FROM "Question";
DROP TABLE "Question";
ALTER TABLE "new_Question" RENAME TO "Question";
CREATE INDEX "Question_chapterSlug_status_position_idx" ON "Question"("chapterSlug", "status", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ProblemReport_status_createdAt_idx" ON "ProblemReport"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Attempt_quizId_userId_submittedAt_idx" ON "Attempt"("quizId", "userId", "submittedAt");

-- CreateIndex
CREATE INDEX "Attempt_quizId_submittedAt_id_idx" ON "Attempt"("quizId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Response_attemptId_idx" ON "Response"("attemptId");

