import { describe, expect, test } from "vitest";
import { translator } from "~/i18n";
import type { SurveyDefinition, SurveyQuestion } from "./survey-definition";
import { describeProblem, isEmptySummary, publicationProblems, summarizeChanges } from "./survey-publication";

const choice = (id: string, label: string, options: [string, string][]): SurveyQuestion => ({
  id,
  type: "single_choice",
  label,
  help: "",
  required: false,
  allowOther: false,
  options: options.map(([optionId, optionLabel]) => ({ id: optionId, label: optionLabel })),
});
const text = (id: string, label: string): SurveyQuestion => ({
  id,
  type: "short_text",
  label,
  help: "",
  required: false,
});
const survey = (...questions: SurveyQuestion[]): SurveyDefinition => ({
  title: "Commerces",
  intro: "",
  sections: [{ id: "section-1", title: "", description: "", questions }],
});

const published = survey(
  choice("where", "Où faites-vous vos courses ?", [
    ["market", "Au marché"],
    ["shop", "En supermarché"],
    ["farm", "À la ferme"],
  ]),
  text("name", "Votre prénom"),
  text("town", "Votre commune"),
);

describe("summarizeChanges", () => {
  test("lists questions added, removed, reworded, retyped and options removed, by id", () => {
    const draft = survey(
      choice("where", "Où achetez-vous vos légumes ?", [
        ["market", "Au marché"],
        ["farm", "À la ferme"],
      ]),
      { ...text("town", "Votre commune"), type: "commune" },
      text("age", "Votre âge"),
    );
    const summary = summarizeChanges(published, draft);
    expect(summary.added).toEqual([{ id: "age", label: "Votre âge" }]);
    expect(summary.removed).toEqual([{ id: "name", label: "Votre prénom" }]);
    expect(summary.reworded).toEqual([
      { id: "where", label: "Où achetez-vous vos légumes ?", from: "Où faites-vous vos courses ?" },
    ]);
    expect(summary.retyped).toEqual([{ id: "town", label: "Votre commune", from: "short_text", to: "commune" }]);
    expect(summary.removedOptions).toEqual([
      {
        questionId: "where",
        questionLabel: "Où achetez-vous vos légumes ?",
        optionId: "shop",
        label: "En supermarché",
      },
    ]);
    expect(summary.other).toEqual([]);
  });

  test("other changes are named; an identical design is an empty summary", () => {
    expect(isEmptySummary(summarizeChanges(published, structuredClone(published)))).toBe(true);
    const draft = structuredClone(published);
    draft.title = "Commerces 2026";
    const [where, name, town] = draft.sections[0]!.questions as [SurveyQuestion, SurveyQuestion, SurveyQuestion];
    draft.sections[0]!.questions = [where, town, { ...name, required: true }];
    if (where.type === "single_choice") where.options.push({ id: "basket", label: "Par un panier" });
    expect(summarizeChanges(published, draft).other.sort()).toEqual(["options", "order", "settings", "title"]);
  });
});

describe("publicationProblems", () => {
  test("an untitled question, a choice without options and an empty option block publication, in words", () => {
    const t = translator("fr");
    const draft = survey(
      text("name", "Votre prénom"),
      text("blank", "   "),
      choice("empty", "Vos jours de marché", []),
      choice("holes", "Votre moyen de transport", [
        ["car", "Voiture"],
        ["nothing", ""],
      ]),
    );
    const problems = publicationProblems(draft);
    expect(problems.map((p) => describeProblem(t, p))).toEqual([
      "la question 2 n'a pas d'intitulé : les personnes verraient une case sans question.",
      "la question 3 (« Vos jours de marché ») est à choix mais n'a aucune option.",
      "l'option 2 de la question 4 (« Votre moyen de transport ») est vide.",
    ]);
    expect(publicationProblems(published)).toEqual([]);
    expect(publicationProblems(survey())).toEqual([{ kind: "no_question" }]);
  });
});
