import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { questionsOf, surveyDefinitionSchema, SURVEY_LIMITS } from "~/models/surveys/survey-definition";
import type { QuestionType } from "~/models/core/vocabulary";
import { readDefinition, sectionsArray, titleText } from "./survey-doc";
import { addQuestion, addSection } from "./survey-doc-edit";
import { setQuestionField, setScale } from "./survey-doc-question";

describe("readDefinition", () => {
  test("an empty document is a valid definition with no sections", () => {
    const definition = readDefinition(new Y.Doc());
    expect(definition).toEqual({ title: "", intro: "", sections: [] });
    expect(surveyDefinitionSchema.safeParse(definition).success).toBe(true);
  });

  test("reads every question type with its settings, and the result passes the contract", () => {
    const doc = new Y.Doc();
    titleText(doc).insert(0, "Commerces de Die");
    const added: [QuestionType, string][] = [
      ["short_text", "Votre prénom"],
      ["long_text", "Vos attentes"],
      ["single_choice", "Où faites-vous vos courses ?"],
      ["multiple_choice", "Quels jours ?"],
      ["scale", "Satisfaction"],
      ["number", "Kilomètres"],
      ["date", "Dernière visite"],
      ["commune", "Commune de résidence"],
    ];
    const ids = added.map(([type, label]) => addQuestion(doc, type, undefined, label));
    setQuestionField(doc, ids[2]!, "allowOther", true);
    setQuestionField(doc, ids[0]!, "required", true);
    setScale(doc, ids[4]!, { min: 0, max: 10 });
    setQuestionField(doc, ids[5]!, "numberMin", 0);
    setQuestionField(doc, ids[5]!, "numberMax", 300);
    setQuestionField(doc, ids[5]!, "integer", true);
    const definition = readDefinition(doc);
    expect(surveyDefinitionSchema.parse(definition)).toEqual(definition);
    const questions = questionsOf(definition);
    expect(questions.map((q) => [q.type, q.label])).toEqual(added);
    expect(questions[0]).toMatchObject({ label: "Votre prénom", required: true });
    expect(questions[2]).toMatchObject({ allowOther: true, options: [{ label: "" }, { label: "" }] });
    expect(questions[4]).toMatchObject({ min: 0, max: 10 });
    expect(questions[5]).toMatchObject({ min: 0, max: 300, integer: true });
  });

  test("setQuestionField refuses values the contract does not accept", () => {
    const doc = new Y.Doc();
    const id = addQuestion(doc, "number");
    expect(setQuestionField(doc, id, "numberMin", Number.NaN)).toBe(false);
    expect(setQuestionField(doc, id, "numberMax", "12")).toBe(false);
    expect(setQuestionField(doc, id, "type", "file_upload")).toBe(false);
    expect(setQuestionField(doc, id, "scaleMax", 7)).toBe(false);
    expect(questionsOf(readDefinition(doc))[0]).toMatchObject({ min: null, max: null });
  });

  test("hostile content never breaks it: junk, unknown types, bad ids, huge texts, duplicates", () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      titleText(doc).insert(0, "T\u0000i\ntre " + "x".repeat(10_000));
      const sections = sectionsArray(doc);
      sections.push(["not a map", 42, null, new Y.Array(), new Y.Text("boo")]);
      const section = new Y.Map<unknown>();
      section.set("id", "sect1234");
      section.set("title", 99);
      section.set("questions", new Y.Array());
      sections.push([section]);
      const badSection = new Y.Map<unknown>();
      badSection.set("id", "../../etc/passwd");
      badSection.set("questions", new Y.Array());
      sections.push([badSection]);
      const questions = section.get("questions") as Y.Array<unknown>;
      const make = (entries: Record<string, unknown>) => {
        const map = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(entries)) map.set(key, value);
        return map;
      };
      questions.push([
        make({ id: "qqqq0001", type: "file_upload", label: "Envoyez un fichier" }),
        make({ id: "<script>", type: "short_text", label: "bad id" }),
        make({ id: "qqqq0002", type: "short_text", label: "y".repeat(5000), required: "yes", help: 12 }),
        make({ id: "qqqq0002", type: "long_text", label: "duplicate id" }),
        make({
          id: "qqqq0003",
          type: "single_choice",
          label: "Choix",
          options: new Y.Array(),
          allowOther: 1,
        }),
        make({ id: "qqqq0004", type: "scale", scaleMin: 3, scaleMax: 99, minLabel: new Y.Text("z".repeat(900)) }),
        make({ id: "qqqq0005", type: "number", numberMin: 10, numberMax: 2, integer: "true" }),
        make({ id: "qqqq0006", type: "number", numberMin: Infinity, numberMax: "5" }),
        "just a string",
      ]);
      const options = (questions.get(4) as Y.Map<unknown>).get("options") as Y.Array<unknown>;
      options.push([
        make({ id: "opt00001", label: "Marché" }),
        make({ id: "opt00001", label: "doublon" }),
        make({ id: "x", label: "id trop court" }),
        make({ id: "opt00002" }),
        7,
      ]);
      for (let i = 0; i < 80; i++) options.push([make({ id: `many${String(i).padStart(4, "0")}`, label: `${i}` })]);
    });
    const definition = readDefinition(doc);
    expect(() => surveyDefinitionSchema.parse(definition)).not.toThrow();
    expect(definition.title.startsWith("Ti tre xx")).toBe(true);
    expect(definition.title).toHaveLength(SURVEY_LIMITS.titleMax);
    expect(definition.sections.map((s) => s.id)).toEqual(["sect1234"]);
    expect(definition.sections[0]!.title).toBe("");
    const questions = questionsOf(definition);
    expect(questions.map((q) => q.id)).toEqual(["qqqq0002", "qqqq0003", "qqqq0004", "qqqq0005", "qqqq0006"]);
    expect(questions[0]).toMatchObject({ type: "short_text", required: false, help: "" });
    expect(questions[0]!.label).toHaveLength(SURVEY_LIMITS.labelMax);
    const choice = questions[1] as Extract<(typeof questions)[number], { type: "single_choice" }>;
    expect(choice.allowOther).toBe(false);
    expect(choice.options.slice(0, 2)).toEqual([
      { id: "opt00001", label: "Marché" },
      { id: "opt00002", label: "" },
    ]);
    expect(choice.options).toHaveLength(SURVEY_LIMITS.optionsMax);
    expect(questions[2]).toMatchObject({ min: 1, max: 5 });
    expect((questions[2] as { minLabel: string }).minLabel).toHaveLength(SURVEY_LIMITS.optionLabelMax);
    expect(questions[3]).toMatchObject({ min: null, max: null, integer: false });
    expect(questions[4]).toMatchObject({ min: null, max: null });
  });

  test("never more questions or sections than the contract allows", () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let s = 0; s < SURVEY_LIMITS.sectionsMax + 5; s++) {
        const sectionId = addSection(doc);
        for (let q = 0; q < 10; q++) addQuestion(doc, "short_text", sectionId);
      }
    });
    const definition = readDefinition(doc);
    expect(definition.sections).toHaveLength(SURVEY_LIMITS.sectionsMax);
    expect(questionsOf(definition)).toHaveLength(SURVEY_LIMITS.questionsMax);
    expect(surveyDefinitionSchema.safeParse(definition).success).toBe(true);
  });
});
