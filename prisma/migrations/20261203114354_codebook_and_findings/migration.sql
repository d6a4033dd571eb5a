-- CreateTable
CREATE TABLE "CodedPassage" (
    "noteId" TEXT NOT NULL,
    "passageId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "codedById" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("noteId", "passageId"),
    CONSTRAINT "CodedPassage_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CodedPassage_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'draft',
    "confidence" TEXT,
    "confidenceRationale" TEXT NOT NULL DEFAULT '',
    "sectors" TEXT NOT NULL DEFAULT '[]',
    "cycleId" TEXT,
    "phase" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "excerpt" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL DEFAULT '',
    "lastEditorId" TEXT,
    "lastEditedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Finding_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Finding_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ProjectCycle" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Finding_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Finding_lastEditorId_fkey" FOREIGN KEY ("lastEditorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FindingCommune" (
    "findingId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    PRIMARY KEY ("findingId", "code"),
    CONSTRAINT "FindingCommune_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "findingId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "noteId" TEXT,
    "quote" TEXT,
    "anchor" BLOB,
    "currentText" TEXT,
    "codeId" TEXT,
    "surveyId" TEXT,
    "questionId" TEXT,
    "snapshot" TEXT,
    "eventId" TEXT,
    "eventTitle" TEXT,
    "sourceTitle" TEXT,
    "sourceUrl" TEXT,
    "sourceReference" TEXT,
    CONSTRAINT "Evidence_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evidence_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evidence_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "nameKey" TEXT,
    "definition" TEXT NOT NULL DEFAULT '',
    "colour" TEXT NOT NULL DEFAULT '#1f6f8b',
    "parentId" TEXT,
    "retiredAt" DATETIME,
    "mergedIntoId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Tag_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Tag_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Tag" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Tag_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Tag" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Tag" ("createdAt", "id", "label", "projectId") SELECT "createdAt", "id", "label", "projectId" FROM "Tag";
DROP TABLE "Tag";
ALTER TABLE "new_Tag" RENAME TO "Tag";
CREATE INDEX "Tag_parentId_idx" ON "Tag"("parentId");
CREATE INDEX "Tag_mergedIntoId_idx" ON "Tag"("mergedIntoId");
CREATE UNIQUE INDEX "Tag_projectId_label_key" ON "Tag"("projectId", "label");
CREATE UNIQUE INDEX "Tag_projectId_nameKey_key" ON "Tag"("projectId", "nameKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CodedPassage_codeId_noteId_idx" ON "CodedPassage"("codeId", "noteId");

-- CreateIndex
CREATE INDEX "CodedPassage_projectId_codeId_idx" ON "CodedPassage"("projectId", "codeId");

-- CreateIndex
CREATE INDEX "Finding_projectId_updatedAt_idx" ON "Finding"("projectId", "updatedAt");

-- CreateIndex
CREATE INDEX "Finding_projectId_state_idx" ON "Finding"("projectId", "state");

-- CreateIndex
CREATE INDEX "Finding_cycleId_idx" ON "Finding"("cycleId");

-- CreateIndex
CREATE INDEX "FindingCommune_code_idx" ON "FindingCommune"("code");

-- CreateIndex
CREATE INDEX "Evidence_findingId_position_idx" ON "Evidence"("findingId", "position");

-- CreateIndex
CREATE INDEX "Evidence_noteId_idx" ON "Evidence"("noteId");

-- CreateIndex
CREATE INDEX "Evidence_codeId_idx" ON "Evidence"("codeId");

-- CreateIndex
CREATE INDEX "Evidence_surveyId_questionId_idx" ON "Evidence"("surveyId", "questionId");

-- CreateIndex
CREATE INDEX "Evidence_projectId_eventId_idx" ON "Evidence"("projectId", "eventId");
