-- CreateTable
CREATE TABLE "ItemStatsState" (
    "quizId" TEXT NOT NULL PRIMARY KEY,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "throughAt" DATETIME,
    "throughId" TEXT,
    "format" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

