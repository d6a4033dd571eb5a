import { describe, expect, test } from "vitest";
import { translator } from "~/i18n";
import type { TimelineEvent } from "~/models/timeline/timeline-document";
import { eventWhen, phaseLabel, timelineSections } from "./timeline-view";

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
    [{}, "1er mars 2027"],
    [{ startTime: "14:30" }, "1er mars 2027 à 14:30"],
    [{ startTime: "14:30", endTime: "17:00" }, "1er mars 2027, de 14:30 à 17:00"],
    [{ end: "2027-03-05" }, "du 1er mars 2027 au 5 mars 2027"],
    [{ end: "2027-03-05", startTime: "09:00", endTime: "12:00" }, "du 1er mars 2027 à 09:00 au 5 mars 2027 à 12:00"],
  ])("%o → %s", (fields, expected) => {
    expect(eventWhen(t, "fr", event(fields))).toBe(expected);
  });
});

describe("the order of the timeline", () => {
  // Upcoming events whose phases alternate (issue 13, point 8), given out of order.
  const events = [
    event({ id: "evtcomite03", title: "Comité de suivi", start: "2099-05-01", phase: "action_plan" }),
    event({ id: "evtatelier1", title: "Atelier plan", start: "2099-03-01", phase: "action_plan" }),
    event({ id: "evtentret01", title: "Entretien", start: "2001-01-01", phase: "framing" }),
    event({ id: "evtrestit02", title: "Restitution", start: "2099-04-01", startTime: "18:00", phase: "diagnosis" }),
    event({ id: "evtmatin002", title: "Accueil", start: "2099-04-01", startTime: "09:00", phase: null }),
    event({ id: "evtvisite01", title: "Visite", start: "2002-02-02", end: "2099-01-02", phase: "framing" }),
    event({ id: "evtsalon001", title: "Salon", start: "2010-06-01", phase: null }),
  ];
  const titles = (list: TimelineEvent[]) => list.map((e) => e.title);

  test("upcoming events read soonest first and past ones latest first, whatever their phases", () => {
    const { upcoming, past } = timelineSections(events, "2026-01-01");
    // An event still under way (until 2099) is upcoming, at its start date.
    expect(titles(upcoming)).toEqual(["Visite", "Atelier plan", "Accueil", "Restitution", "Comité de suivi"]);
    expect(titles(past)).toEqual(["Salon", "Entretien"]);
  });

  test("the phase filter keeps the date order", () => {
    expect(titles(timelineSections(events, "2026-01-01", "action_plan").upcoming)).toEqual([
      "Atelier plan",
      "Comité de suivi",
    ]);
    const unphased = timelineSections(events, "2026-01-01", "none");
    expect([titles(unphased.upcoming), titles(unphased.past)]).toEqual([["Accueil"], ["Salon"]]);
  });

  test("each event is labelled with its cycle and phase", () => {
    const t = translator("fr");
    expect(phaseLabel(t, { cycle: 2, phase: "action_plan" })).toBe("Cycle 2 · Plan d'action");
    expect(phaseLabel(t, { cycle: null, phase: "diagnosis" })).toBe("Diagnostic partagé");
    expect(phaseLabel(t, { cycle: 3, phase: null })).toBe("Cycle 3");
    expect(phaseLabel(t, { cycle: null, phase: null })).toBeNull();
  });
});
