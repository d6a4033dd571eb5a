-- Document updates are numbered per document and the table is clustered on (docName, id),
-- WITHOUT ROWID: an append writes one B-tree page instead of three (docs/decisions/010).
-- Prisma's schema language cannot say WITHOUT ROWID; it is added here by hand. Existing ids
-- are kept: they were global and increasing, so they stay increasing within each document.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DocumentUpdate" (
    "docName" TEXT NOT NULL,
    "id" INTEGER NOT NULL,
    "update" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("docName", "id")
) WITHOUT ROWID;
INSERT INTO "new_DocumentUpdate" ("createdAt", "docName", "id", "update") SELECT "createdAt", "docName", "id", "update" FROM "DocumentUpdate";
DROP TABLE "DocumentUpdate";
ALTER TABLE "new_DocumentUpdate" RENAME TO "DocumentUpdate";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
