/**
 * A demo survey (designed, open, answered) and a demo timeline for the Die project, built as
 * real Yjs documents with the designer's and the timeline's own modules, stored as snapshots
 * and projected into SQL by the collaboration server's own projections.
 */
import * as Y from "yjs";
import type { PrismaClient } from "../app/generated/prisma/client";
import { newEventId, writeEvent, type EventFields } from "../app/models/timeline/timeline-document";
import { newPublicToken } from "../app/models/surveys/survey.server";
import { OTHER_CHOICE, otherKey, type Answers } from "../app/models/surveys/survey-answers";
import type { QuestionType } from "../app/models/core/vocabulary";
import { findQuestion, introText, readDefinition, titleText } from "../app/models/surveys/survey-doc";
import { addQuestion, addSection, newOptionMap } from "../app/models/surveys/survey-doc-edit";
import { setQuestionField, setScale } from "../app/models/surveys/survey-doc-question";
import { writeSurveyProjection } from "../app/models/surveys/survey-document.server";
import { writeTimelineProjection } from "../app/models/timeline/timeline-document.server";

type DemoQuestion = {
  type: QuestionType;
  label: string;
  help?: string;
  required?: boolean;
  options?: string[];
  allowOther?: boolean;
  scale?: { min: 0 | 1; max: 5 | 10; minLabel: string; maxLabel: string };
};

const SURVEY_TITLE = "Vos achats alimentaires dans le Diois";
const SURVEY_INTRO =
  "Cinq minutes pour nous dire où et comment vous achetez vos produits locaux. Les réponses sont anonymes.";
const SECTIONS: { title: string; questions: DemoQuestion[] }[] = [
  {
    title: "Vos habitudes",
    questions: [
      {
        type: "single_choice",
        label: "Où achetez-vous le plus souvent vos produits frais ?",
        required: true,
        options: ["Au marché", "En supermarché", "À la ferme", "Par un panier ou une AMAP"],
        allowOther: true,
      },
      {
        type: "multiple_choice",
        label: "Comment aimeriez-vous commander chez les producteurs ?",
        help: "Plusieurs réponses possibles.",
        options: ["Sur un site ou une appli", "Par téléphone", "Au marché, pour la semaine suivante"],
      },
      {
        type: "scale",
        label: "Êtes-vous satisfait de l'offre de produits locaux près de chez vous ?",
        required: true,
        scale: { min: 1, max: 5, minLabel: "Pas du tout", maxLabel: "Tout à fait" },
      },
    ],
  },
  {
    title: "Vous",
    questions: [
      { type: "number", label: "Combien de kilomètres faites-vous pour ces achats, par semaine ?" },
      { type: "commune", label: "Dans quelle commune habitez-vous ?", required: true },
      { type: "long_text", label: "Une idée pour mieux relier producteurs et habitants ?" },
    ],
  },
];

function surveyDocument(): Y.Doc {
  const doc = new Y.Doc();
  titleText(doc).insert(0, SURVEY_TITLE);
  introText(doc).insert(0, SURVEY_INTRO);
  for (const section of SECTIONS) {
    const sectionId = addSection(doc, section.title);
    for (const demo of section.questions) {
      const id = addQuestion(doc, demo.type, sectionId, demo.label);
      const question = findQuestion(doc, id)!.question;
      doc.transact(() => {
        if (demo.help) (question.get("help") as Y.Text).insert(0, demo.help);
        if (demo.options) {
          const options = question.get("options") as Y.Array<Y.Map<unknown>>;
          options.delete(0, options.length);
          options.push(demo.options.map((label) => newOptionMap(label)));
        }
        if (demo.scale) {
          (question.get("minLabel") as Y.Text).insert(0, demo.scale.minLabel);
          (question.get("maxLabel") as Y.Text).insert(0, demo.scale.maxLabel);
        }
      });
      if (demo.scale) setScale(doc, id, demo.scale);
      if (demo.required) setQuestionField(doc, id, "required", true);
      if (demo.allowOther) setQuestionField(doc, id, "allowOther", true);
    }
  }
  return doc;
}

function addUnpublishedQuestion(doc: Y.Doc): void {
  const sectionId = readDefinition(doc).sections[0]!.id;
  const id = addQuestion(
    doc,
    "single_choice",
    sectionId,
    "Seriez-vous prêt à payer un peu plus pour des produits locaux ?",
  );
  const options = findQuestion(doc, id)!.question.get("options") as Y.Array<Y.Map<unknown>>;
  doc.transact(() => {
    options.delete(0, options.length);
    options.push(["Oui", "Un peu", "Non"].map((label) => newOptionMap(label)));
  });
}

// Die, Châtillon-en-Diois, Luc-en-Diois, Chamaloc, Romeyer, Marignac-en-Diois.
const COMMUNES = ["26113", "26113", "26113", "26086", "26167", "26069", "26282", "26175"];
const IDEAS = [
  "Un point de retrait à la gare pour les actifs.",
  "Une carte des fermes qui vendent en direct.",
  "Des commandes groupées pour les hameaux.",
  "",
  "",
];

/** Deterministic answers: the demo looks the same on every machine. */
function demoAnswers(index: number, questions: ReturnType<typeof readDefinition>["sections"][number]["questions"]) {
  const answers: Answers = {};
  for (const [position, question] of questions.entries()) {
    const pick = (index * 7 + position * 3) % 11;
    switch (question.type) {
      case "single_choice":
        if (pick === 10) {
          answers[question.id] = OTHER_CHOICE;
          answers[otherKey(question.id)] = "Épicerie du village";
        } else answers[question.id] = question.options[pick % question.options.length]!.id;
        break;
      case "multiple_choice":
        answers[question.id] = question.options.filter((_, i) => (pick + i) % 3 !== 0).map((o) => o.id);
        break;
      case "scale":
        answers[question.id] = 1 + ((index * 3 + 1) % 5);
        break;
      case "number":
        if (pick % 4 !== 0) answers[question.id] = 5 + ((index * 13) % 60);
        break;
      case "commune":
        answers[question.id] = COMMUNES[index % COMMUNES.length]!;
        break;
      case "long_text": {
        const idea = IDEAS[index % IDEAS.length]!;
        if (idea) answers[question.id] = idea;
        break;
      }
      default:
        break;
    }
  }
  return answers;
}

export async function seedDemoSurvey(
  prisma: PrismaClient,
  { projectId, createdById, collectorId }: { projectId: string; createdById: string; collectorId: string },
): Promise<string> {
  const cycle = await prisma.projectCycle.findFirstOrThrow({ where: { projectId }, orderBy: { number: "desc" } });
  const survey = await prisma.survey.create({
    data: {
      projectId,
      createdById,
      status: "open",
      publicToken: newPublicToken(),
      cycleId: cycle.id,
      phase: "diagnosis",
      openedAt: new Date(Date.now() - 20 * 86_400_000),
    },
    select: { id: true },
  });
  const doc = surveyDocument();
  await writeSurveyProjection(survey.id, doc, null);
  const questions = readDefinition(doc).sections.flatMap((s) => s.questions);
  const commune = questions.find((q) => q.type === "commune")!;
  const version = await prisma.survey.findUniqueOrThrow({
    where: { id: survey.id },
    select: { currentVersionId: true },
  });
  const responses = Array.from({ length: 48 }, (_, index) => {
    const answers = demoAnswers(index, questions);
    return {
      surveyId: survey.id,
      versionId: version.currentVersionId!,
      submissionKey: `demo-${index}`,
      channel: index % 5 === 0 ? "field" : "public",
      enteredById: index % 5 === 0 ? collectorId : null,
      answers: JSON.stringify(answers),
      communeCode: (answers[commune.id] as string | undefined) ?? null,
      // Spread over the last three weeks, a few each day.
      submittedAt: new Date(Date.now() - (index % 20) * 86_400_000 - index * 1_800_000),
    };
  });
  await prisma.surveyResponse.createMany({ data: responses });
  // One change made since the survey opened, not yet published: a newcomer sees the designer's
  // "modifications non publiées" and the review before publishing (decision 014).
  addUnpublishedQuestion(doc);
  await prisma.documentSnapshot.create({
    data: { docName: `survey:${survey.id}`, state: Buffer.from(Y.encodeStateAsUpdate(doc)), lastUpdateId: 0 },
  });
  await writeSurveyProjection(survey.id, doc, null);
  doc.destroy();
  return survey.id;
}

/** Days from today, as "YYYY-MM-DD": the demo timeline always has a past and a future. */
function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

export async function seedDemoTimeline(
  prisma: PrismaClient,
  { projectId, noteIds, surveyId }: { projectId: string; noteIds: string[]; surveyId: string },
): Promise<void> {
  const base: Omit<EventFields, "title" | "type" | "start"> = {
    end: null,
    startTime: null,
    endTime: null,
    description: "",
    participants: null,
    people: "",
    noteIds: [],
    surveyIds: [],
    milestone: false,
    cycle: 1,
    phase: "framing",
  };
  const events: EventFields[] = [
    {
      ...base,
      title: "Réunion de lancement avec la communauté de communes",
      type: "meeting",
      start: day(-40),
      startTime: "18:00",
      endTime: "20:00",
      participants: 14,
      people: "Communauté de communes du Diois, Foyer rural, Fablab de Die",
      milestone: true,
    },
    {
      ...base,
      title: "Entretiens avec les producteurs du marché",
      type: "interview",
      start: day(-30),
      end: day(-23),
      phase: "diagnosis",
      people: "Quatorze producteurs, la coopérative de la Clairette",
      noteIds: noteIds.slice(0, 2),
    },
    {
      ...base,
      title: "Enquête auprès des habitants",
      type: "observation",
      start: day(-20),
      phase: "diagnosis",
      description: "Questionnaire en ligne et au marché, avec un QR code sur les stands.",
      surveyIds: [surveyId],
    },
    {
      ...base,
      title: "Atelier participatif : un point de retrait partagé ?",
      type: "workshop",
      start: day(12),
      startTime: "14:00",
      endTime: "17:00",
      phase: "action_plan",
      description: "Au centre social. Garde d'enfants sur place.",
      people: "Centre social, habitants, producteurs",
    },
    {
      ...base,
      title: "Décision du conseil communautaire",
      type: "decision",
      start: day(35),
      phase: "action_plan",
      milestone: true,
    },
  ];
  const doc = new Y.Doc();
  for (const event of events) writeEvent(doc, newEventId(), event);
  await prisma.documentSnapshot.create({
    data: { docName: `timeline:${projectId}`, state: Buffer.from(Y.encodeStateAsUpdate(doc)), lastUpdateId: 0 },
  });
  await writeTimelineProjection(projectId, doc, null);
  doc.destroy();
}
