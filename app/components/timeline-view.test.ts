import { describe, expect, test } from "vitest";
import { translator } from "~/i18n";
import type { TimelineEvent } from "~/models/timeline/timeline-document";
import { eventWhen } from "./timeline-view";

const event = (fields: Partial<TimelineEvent>): TimelineEvent => ({
  id: "evt00000001",
  title: "Atelier",
  type: "workshop",
  start: "2027-03-01",
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
  phase: null,
  ...fields,
});

describe("when an event takes place, as a sentence", () => {
  const t = translator("fr");
  test.each([
    [{}, "1 mars 2027"],
    [{ startTime: "14:30" }, "1 mars 2027 à 14:30"],
    [{ startTime: "14:30", endTime: "17:00" }, "1 mars 2027, de 14:30 à 17:00"],
    [{ end: "2027-03-05" }, "du 1 mars 2027 au 5 mars 2027"],
    [{ end: "2027-03-05", startTime: "09:00", endTime: "12:00" }, "du 1 mars 2027 à 09:00 au 5 mars 2027 à 12:00"],
  ])("%o → %s", (fields, expected) => {
    expect(eventWhen(t, "fr", event(fields))).toBe(expected);
  });
});
