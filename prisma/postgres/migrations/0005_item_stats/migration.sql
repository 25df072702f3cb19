-- CreateTable
CREATE TABLE "ItemStatsState" (
    "quizId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "throughAt" TIMESTAMP(3),
    "throughId" TEXT,
    "format" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ItemStatsState_pkey" PRIMARY KEY ("quizId")
);

