-- CreateTable
CREATE TABLE "EssaySelfAssessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responseId" TEXT,
    "reviewLogId" TEXT,
    "score" REAL NOT NULL,
    "assessedAt" DATETIME NOT NULL,
    CONSTRAINT "EssaySelfAssessment_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EssaySelfAssessment_reviewLogId_fkey" FOREIGN KEY ("reviewLogId") REFERENCES "ReviewLog" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EssaySelfAssessment_responseId_assessedAt_idx" ON "EssaySelfAssessment"("responseId", "assessedAt");

-- CreateIndex
CREATE INDEX "EssaySelfAssessment_reviewLogId_assessedAt_idx" ON "EssaySelfAssessment"("reviewLogId", "assessedAt");

