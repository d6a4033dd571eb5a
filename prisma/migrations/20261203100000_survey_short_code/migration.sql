-- Short, typeable address of a survey's public link (issue 13, point 2). Nullable: a survey gets
-- its code the first time a member shows the link (app/models/surveys/survey-short-code.server.ts),
-- so existing surveys need no backfill here and no random code is drawn in SQL.
-- AlterTable
ALTER TABLE "Survey" ADD COLUMN "shortCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Survey_shortCode_key" ON "Survey"("shortCode");
