-- CreateTable
CREATE TABLE "EssayGrade" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responseId" TEXT,
    "reviewLogId" TEXT,
    "score" REAL NOT NULL,
    "comment" TEXT,
    "graderId" TEXT,
    "gradedAt" DATETIME NOT NULL,
    CONSTRAINT "EssayGrade_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EssayGrade_reviewLogId_fkey" FOREIGN KEY ("reviewLogId") REFERENCES "ReviewLog" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EssayGrade_graderId_fkey" FOREIGN KEY ("graderId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EssayGrade_responseId_gradedAt_idx" ON "EssayGrade"("responseId", "gradedAt");

-- CreateIndex
CREATE INDEX "EssayGrade_reviewLogId_gradedAt_idx" ON "EssayGrade"("reviewLogId", "gradedAt");

-- CreateIndex
CREATE INDEX "ReviewLog_questionVersionId_idx" ON "ReviewLog"("questionVersionId");

