-- CreateTable
CREATE TABLE "PhaseChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "fromPhase" TEXT,
    "toPhase" TEXT NOT NULL,
    "userId" TEXT,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PhaseChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PhaseChange_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ProjectCycle" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PhaseChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TimelineEvent" (
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
    "noteIds" TEXT NOT NULL DEFAULT '[]',
    "surveyIds" TEXT NOT NULL DEFAULT '[]',
    "milestone" BOOLEAN NOT NULL DEFAULT false,
    "cycleNumber" INTEGER,
    "phase" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("projectId", "eventId"),
    CONSTRAINT "TimelineEvent_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalendarToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CalendarToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalendarToken_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PhaseChange_projectId_createdAt_idx" ON "PhaseChange"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "PhaseChange_cycleId_idx" ON "PhaseChange"("cycleId");

-- CreateIndex
CREATE INDEX "TimelineEvent_projectId_startDay_idx" ON "TimelineEvent"("projectId", "startDay");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarToken_tokenHash_key" ON "CalendarToken"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarToken_projectId_idx" ON "CalendarToken"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarToken_userId_projectId_key" ON "CalendarToken"("userId", "projectId");

-- Every existing project entered its current phase, as far as anyone recorded, when its latest
-- cycle started: one log line each, so phase dates are derived the same way for every project.
INSERT INTO "PhaseChange" ("id", "projectId", "cycleId", "fromPhase", "toPhase", "userId", "comment", "createdAt")
SELECT 'c' || lower(hex(randomblob(12))), c."projectId", c."id", NULL, p."phase", NULL, NULL, c."startedAt"
FROM "ProjectCycle" c JOIN "Project" p ON p."id" = c."projectId"
WHERE c."number" = (SELECT max(c2."number") FROM "ProjectCycle" c2 WHERE c2."projectId" = c."projectId");
