/*
  Warnings:

  - The JSON columns `noteIds` and `surveyIds` of `TimelineEvent` become the relation tables
    TimelineEventNote and TimelineEventSurvey; their links to this project's existing notes and
    surveys are copied before the columns are dropped (the projection rewrites them anyway).

*/
-- CreateTable
CREATE TABLE "TimelineEventNote" (
    "projectId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "noteId" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "eventId", "noteId"),
    CONSTRAINT "TimelineEventNote_projectId_eventId_fkey" FOREIGN KEY ("projectId", "eventId") REFERENCES "TimelineEvent" ("projectId", "eventId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TimelineEventNote_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TimelineEventSurvey" (
    "projectId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "eventId", "surveyId"),
    CONSTRAINT "TimelineEventSurvey_projectId_eventId_fkey" FOREIGN KEY ("projectId", "eventId") REFERENCES "TimelineEvent" ("projectId", "eventId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TimelineEventSurvey_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Copy the links out of the JSON columns (only to rows of the same project that exist)
INSERT OR IGNORE INTO "TimelineEventNote" ("projectId", "eventId", "noteId")
SELECT e."projectId", e."eventId", j.value
FROM "TimelineEvent" e, json_each(CASE WHEN json_valid(e."noteIds") THEN e."noteIds" ELSE '[]' END) j
JOIN "Note" n ON n."id" = j.value AND n."projectId" = e."projectId";

INSERT OR IGNORE INTO "TimelineEventSurvey" ("projectId", "eventId", "surveyId")
SELECT e."projectId", e."eventId", j.value
FROM "TimelineEvent" e, json_each(CASE WHEN json_valid(e."surveyIds") THEN e."surveyIds" ELSE '[]' END) j
JOIN "Survey" s ON s."id" = j.value AND s."projectId" = e."projectId";

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
    "deletedAt" DATETIME,
    "deletedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Note_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Note_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ProjectCycle" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Note_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Note_lastEditorId_fkey" FOREIGN KEY ("lastEditorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Note_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Note" ("authorId", "createdAt", "cycleId", "excerpt", "id", "lastEditedAt", "lastEditorId", "observedOn", "phase", "place", "placeCommuneCode", "placeCommuneName", "projectId", "searchText", "title", "updatedAt", "wordCount") SELECT "authorId", "createdAt", "cycleId", "excerpt", "id", "lastEditedAt", "lastEditorId", "observedOn", "phase", "place", "placeCommuneCode", "placeCommuneName", "projectId", "searchText", "title", "updatedAt", "wordCount" FROM "Note";
DROP TABLE "Note";
ALTER TABLE "new_Note" RENAME TO "Note";
CREATE INDEX "Note_projectId_createdAt_idx" ON "Note"("projectId", "createdAt");
CREATE INDEX "Note_projectId_deletedAt_idx" ON "Note"("projectId", "deletedAt");
CREATE INDEX "Note_projectId_observedOn_idx" ON "Note"("projectId", "observedOn");
CREATE INDEX "Note_cycleId_idx" ON "Note"("cycleId");
CREATE TABLE "new_TimelineEvent" (
    "projectId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "startDay" TEXT NOT NULL,
    "endDay" TEXT,
    "startTime" TEXT,
    "endTime" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "participants" INTEGER,
    "people" TEXT NOT NULL DEFAULT '',
    "milestone" BOOLEAN NOT NULL DEFAULT false,
    "cycleNumber" INTEGER,
    "phase" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("projectId", "eventId"),
    CONSTRAINT "TimelineEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TimelineEvent" ("cycleNumber", "description", "endDay", "endTime", "eventId", "milestone", "participants", "people", "phase", "projectId", "startDay", "startTime", "title", "type", "updatedAt") SELECT "cycleNumber", "description", "endDay", "endTime", "eventId", "milestone", "participants", "people", "phase", "projectId", "startDay", "startTime", "title", "type", "updatedAt" FROM "TimelineEvent";
DROP TABLE "TimelineEvent";
ALTER TABLE "new_TimelineEvent" RENAME TO "TimelineEvent";
CREATE INDEX "TimelineEvent_projectId_startDay_idx" ON "TimelineEvent"("projectId", "startDay");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TimelineEventNote_noteId_idx" ON "TimelineEventNote"("noteId");

-- CreateIndex
CREATE INDEX "TimelineEventSurvey_surveyId_idx" ON "TimelineEventSurvey"("surveyId");
