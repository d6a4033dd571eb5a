-- AlterTable
ALTER TABLE "SurveyResponse" ADD COLUMN "communeCode" TEXT;

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_communeCode_idx" ON "SurveyResponse"("surveyId", "communeCode");
