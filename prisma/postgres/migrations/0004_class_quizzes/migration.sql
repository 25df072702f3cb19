-- CreateTable
CREATE TABLE "ClassQuiz" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "items" TEXT NOT NULL,
    "timeLimitSec" INTEGER,
    "maxAttempts" INTEGER,
    "gradingPolicy" TEXT NOT NULL DEFAULT 'highest',
    "feedback" TEXT NOT NULL DEFAULT 'after-attempt',
    "opensAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'active',
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassQuiz_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassQuizAttempt" (
    "id" TEXT NOT NULL,
    "classQuizId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "attemptNo" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "questionVersionIds" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "maxScore" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ClassQuizAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClassQuiz_code_key" ON "ClassQuiz"("code");

-- CreateIndex
CREATE INDEX "ClassQuiz_status_createdAt_idx" ON "ClassQuiz"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ClassQuizAttempt_classQuizId_submittedAt_idx" ON "ClassQuizAttempt"("classQuizId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ClassQuizAttempt_classQuizId_userId_attemptNo_key" ON "ClassQuizAttempt"("classQuizId", "userId", "attemptNo");

-- AddForeignKey
ALTER TABLE "ClassQuiz" ADD CONSTRAINT "ClassQuiz_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassQuizAttempt" ADD CONSTRAINT "ClassQuizAttempt_classQuizId_fkey" FOREIGN KEY ("classQuizId") REFERENCES "ClassQuiz"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassQuizAttempt" ADD CONSTRAINT "ClassQuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassQuizAttempt" ADD CONSTRAINT "ClassQuizAttempt_id_fkey" FOREIGN KEY ("id") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

