-- Design changes to an opened survey wait here until published (docs/decisions/014-survey-publication.md).
-- AlterTable
ALTER TABLE "Survey" ADD COLUMN "draftDefinition" TEXT;
ALTER TABLE "Survey" ADD COLUMN "draftUpdatedAt" DATETIME;
