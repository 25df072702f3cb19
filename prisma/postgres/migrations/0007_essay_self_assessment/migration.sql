-- CreateTable
CREATE TABLE "EssaySelfAssessment" (
    "id" TEXT NOT NULL,
    "responseId" TEXT,
    "reviewLogId" TEXT,
    "score" DOUBLE PRECISION NOT NULL,
    "assessedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EssaySelfAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EssaySelfAssessment_responseId_assessedAt_idx" ON "EssaySelfAssessment"("responseId", "assessedAt");

-- CreateIndex
CREATE INDEX "EssaySelfAssessment_reviewLogId_assessedAt_idx" ON "EssaySelfAssessment"("reviewLogId", "assessedAt");

-- AddForeignKey
ALTER TABLE "EssaySelfAssessment" ADD CONSTRAINT "EssaySelfAssessment_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EssaySelfAssessment" ADD CONSTRAINT "EssaySelfAssessment_reviewLogId_fkey" FOREIGN KEY ("reviewLogId") REFERENCES "ReviewLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

