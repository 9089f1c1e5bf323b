-- DropIndex
DROP INDEX "Notebook_ownerId_updatedAt_idx";

-- AlterTable
ALTER TABLE "Notebook" ADD COLUMN "deletedAt" DATETIME;

-- CreateTable
CREATE TABLE "Execution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "notebookId" TEXT,
    "cellId" TEXT,
    "codeHash" TEXT NOT NULL,
    "target" TEXT,
    "status" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "durationMs" INTEGER,
    "executionCount" INTEGER,
    "msgId" TEXT NOT NULL,
    "kernelId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Execution_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Execution_notebookId_fkey" FOREIGN KEY ("notebookId") REFERENCES "Notebook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Profile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "notebookId" TEXT,
    "cellId" TEXT,
    "executionId" TEXT,
    "target" TEXT NOT NULL,
    "kernelName" TEXT,
    "sources" TEXT NOT NULL,
    "metrics" TEXT NOT NULL,
    "insights" TEXT NOT NULL,
    "instructionCount" INTEGER NOT NULL,
    "totalNs" REAL NOT NULL,
    "document" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Profile_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Profile_notebookId_fkey" FOREIGN KEY ("notebookId") REFERENCES "Notebook" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Profile_executionId_fkey" FOREIGN KEY ("executionId") REFERENCES "Execution" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Execution_notebookId_startedAt_idx" ON "Execution"("notebookId", "startedAt");

-- CreateIndex
CREATE INDEX "Execution_kernelId_msgId_idx" ON "Execution"("kernelId", "msgId");

-- CreateIndex
CREATE INDEX "Profile_ownerId_notebookId_createdAt_idx" ON "Profile"("ownerId", "notebookId", "createdAt");

-- CreateIndex
CREATE INDEX "Profile_executionId_idx" ON "Profile"("executionId");

-- CreateIndex
CREATE INDEX "Notebook_ownerId_deletedAt_updatedAt_idx" ON "Notebook"("ownerId", "deletedAt", "updatedAt");

-- CreateIndex
CREATE INDEX "Notebook_ownerId_sourcePath_idx" ON "Notebook"("ownerId", "sourcePath");

-- CreateIndex
CREATE INDEX "Notebook_deletedAt_idx" ON "Notebook"("deletedAt");

