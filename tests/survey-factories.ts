import crypto from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { surveyDefinitionSchema, type SurveyDefinition } from "~/models/surveys/survey-definition";
import type { SurveyStatus } from "~/models/core/vocabulary";

/**
 * A questionnaire with every question type, the ids tests refer to. Written as the designer's
 * projection would store it (parsed by the contract's zod schema, defaults filled in).
 */
export function everyTypeDefinition(overrides: { title?: string } = {}): SurveyDefinition {
  return surveyDefinitionSchema.parse({
    title: overrides.title ?? "Commerces de proximité",
    intro: "Cinq minutes pour nous dire comment vous faites vos courses.",
    sections: [
      {
        id: "sec-habits",
        title: "Vos habitudes",
        questions: [
          { id: "q-name", type: "short_text", label: "Votre prénom", help: "Facultatif." },
          { id: "q-story", type: "long_text", label: "Racontez votre dernier achat local", required: true },
          {
            id: "q-shop",
            type: "single_choice",
            label: "Où faites-vous vos courses ?",
            required: true,
            allowOther: true,
            options: [
              { id: "opt-market", label: "Au marché" },
              { id: "opt-super", label: "Au supermarché" },
              { id: "opt-farm", label: "À la ferme" },
            ],
          },
          {
            id: "q-modes",
            type: "multiple_choice",
            label: "Comment vous y rendez-vous ?",
            allowOther: true,
            options: [
              { id: "opt-foot", label: "À pied" },
              { id: "opt-bike", label: "À vélo" },
              { id: "opt-car", label: "En voiture" },
            ],
          },
        ],
      },
      {
        id: "sec-about",
        title: "Vous",
        questions: [
          {
            id: "q-satisf",
            type: "scale",
            label: "Êtes-vous satisfait de l'offre ?",
            required: true,
            min: 1,
            max: 5,
            minLabel: "Pas du tout",
            maxLabel: "Tout à fait",
          },
          { id: "q-km", type: "number", label: "Distance jusqu'au commerce (km)", min: 0, max: 200 },
          { id: "q-people", type: "number", label: "Personnes dans le foyer", min: 1, max: 20, integer: true },
          { id: "q-since", type: "date", label: "Depuis quand habitez-vous ici ?" },
          { id: "q-town", type: "commune", label: "Votre commune", required: true },
        ],
      },
    ],
  });
}

/** A minimal valid set of answers for everyTypeDefinition, as form fields. */
export function validForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    "q.q-story": "Des pommes au marché de Die.",
    "q.q-shop": "opt-market",
    "q.q-satisf": "4",
    "q.q-town": "26113",
    ...overrides,
  };
}

/**
 * A survey as the designer leaves it once published: one or more versions, the latest one
 * current, the status set directly.
 */
export async function createSurvey(
  db: PrismaClient,
  {
    projectId,
    status = "open",
    definitions = [everyTypeDefinition()],
  }: { projectId: string; status?: SurveyStatus; definitions?: SurveyDefinition[] },
) {
  const survey = await db.survey.create({
    data: {
      projectId,
      status,
      publicToken: crypto.randomBytes(18).toString("base64url"),
      title: definitions.at(-1)!.title,
      openedAt: status === "draft" ? null : new Date(),
      closedAt: status === "closed" ? new Date() : null,
    },
    select: { id: true, publicToken: true },
  });
  const versions = [];
  for (const [index, definition] of definitions.entries()) {
    versions.push(
      await db.surveyVersion.create({
        data: { surveyId: survey.id, number: index + 1, definition: JSON.stringify(definition) },
        select: { id: true, number: true },
      }),
    );
  }
  const current = versions.at(-1)!;
  await db.survey.update({
    where: { id: survey.id },
    data: {
      currentVersionId: current.id,
      questionCount: definitions.at(-1)!.sections.flatMap((s) => s.questions).length,
    },
  });
  return { ...survey, versions, currentVersionId: current.id };
}

/** A stored response, as the form would have stored it (answers already in their stored shape). */
export async function createResponse(
  db: PrismaClient,
  {
    surveyId,
    versionId,
    answers,
    submittedAt = new Date(),
    channel = "public",
    id,
  }: {
    surveyId: string;
    versionId: string;
    answers: Record<string, string | number | string[]>;
    submittedAt?: Date;
    channel?: "public" | "field";
    id?: string;
  },
) {
  const town = answers["q-town"];
  return db.surveyResponse.create({
    data: {
      ...(id ? { id } : {}),
      surveyId,
      versionId,
      submissionKey: crypto.randomUUID(),
      channel,
      answers: JSON.stringify(answers),
      communeCode: typeof town === "string" ? town : null,
      submittedAt,
    },
    select: { id: true },
  });
}
