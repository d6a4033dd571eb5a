-- CreateTable
CREATE TABLE "ProjectCycle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProjectCycle_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "createdById" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publicToken" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "questionCount" INTEGER NOT NULL DEFAULT 0,
    "currentVersionId" TEXT,
    "cycleId" TEXT,
    "phase" TEXT,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Survey_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Survey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Survey_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ProjectCycle" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Survey_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "SurveyVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "surveyId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "definition" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SurveyVersion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "surveyId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "enteredById" TEXT,
    "answers" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SurveyVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Note" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT,
    "observedOn" DATETIME,
    "place" TEXT,
    "placeCommuneCode" TEXT,
    "placeCommuneName" TEXT,
    "title" TEXT NOT NULL DEFAULT '',
    "excerpt" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL DEFAULT '',
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "lastEditorId" TEXT,
    "lastEditedAt" DATETIME,
    "cycleId" TEXT,
    "phase" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Note_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Note_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ProjectCycle" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Note_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Note_lastEditorId_fkey" FOREIGN KEY ("lastEditorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Note" ("authorId", "createdAt", "excerpt", "id", "lastEditedAt", "lastEditorId", "observedOn", "place", "placeCommuneCode", "placeCommuneName", "projectId", "searchText", "title", "updatedAt", "wordCount") SELECT "authorId", "createdAt", "excerpt", "id", "lastEditedAt", "lastEditorId", "observedOn", "place", "placeCommuneCode", "placeCommuneName", "projectId", "searchText", "title", "updatedAt", "wordCount" FROM "Note";
DROP TABLE "Note";
ALTER TABLE "new_Note" RENAME TO "Note";
CREATE INDEX "Note_projectId_createdAt_idx" ON "Note"("projectId", "createdAt");
CREATE INDEX "Note_projectId_observedOn_idx" ON "Note"("projectId", "observedOn");
CREATE INDEX "Note_cycleId_idx" ON "Note"("cycleId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ProjectCycle_projectId_number_key" ON "ProjectCycle"("projectId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_publicToken_key" ON "Survey"("publicToken");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_currentVersionId_key" ON "Survey"("currentVersionId");

-- CreateIndex
CREATE INDEX "Survey_projectId_createdAt_idx" ON "Survey"("projectId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyVersion_surveyId_number_key" ON "SurveyVersion"("surveyId", "number");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_submittedAt_idx" ON "SurveyResponse"("surveyId", "submittedAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_versionId_idx" ON "SurveyResponse"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_submissionKey_key" ON "SurveyResponse"("surveyId", "submissionKey");

-- Every existing project is in its first cycle, started when the project was created.
INSERT INTO "ProjectCycle" ("id", "projectId", "number", "startedAt", "createdAt")
SELECT 'c' || lower(hex(randomblob(12))), "id", 1, "createdAt", CURRENT_TIMESTAMP FROM "Project";
