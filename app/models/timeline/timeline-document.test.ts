import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { mergeEdit, newEventId, readEvents, validateEvent, writeEvent, type EventFields } from "./timeline-document";

const valid = { title: "Réunion", type: "meeting", start: "2026-03-12" };

describe("validateEvent", () => {
  test("accepts form strings and normalises them", () => {
    const result = validateEvent({ ...valid, end: "2026-03-12", participants: "12", milestone: "on", cycle: "2" });
    expect(result).toEqual({
      ok: true,
      event: expect.objectContaining({ end: null, participants: 12, milestone: true, cycle: 2, startTime: null }),
    });
  });

  test.each([
    [{ end: "2026-03-01" }, "end", "timeline.error.endBeforeStart"],
    [{ startTime: "14:00", endTime: "13:00" }, "endTime", "timeline.error.endBeforeStart"],
    [{ endTime: "13:00" }, "startTime", "timeline.error.endTimeWithoutStart"],
    [{ start: "1850-01-01" }, "start", "timeline.error.yearOutOfRange"],
    [{ start: "2026-02-30" }, "start", "timeline.error.dayInvalid"],
    [{ start: "" }, "start", "timeline.error.startRequired"],
    [{ title: "x".repeat(201) }, "title", "timeline.error.tooLong"],
    [{ title: "  " }, "title", "timeline.error.titleRequired"],
    [{ participants: -1 }, "participants", "timeline.error.participantsRange"],
    [{ participants: "1.5" }, "participants", "timeline.error.participantsInvalid"],
    [{ type: "party" }, "type", "timeline.error.typeUnknown"],
    [{ noteIds: ["../x"] }, "noteIds", "timeline.error.linksInvalid"],
    [{ phase: "conquest" }, "phase", "timeline.error.phaseUnknown"],
    [{ cycle: 0 }, "cycle", "timeline.error.cycleUnknown"],
  ])("refuses %j on %s", (override, field, key) => {
    const result = validateEvent({ ...valid, ...override });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as keyof typeof result.errors]?.key).toBe(key);
  });
});

test("readEvents keeps valid events in date order and reports the others", () => {
  const doc = new Y.Doc();
  const first = validateEvent({ ...valid, start: "2026-05-01" });
  const second = validateEvent({ ...valid, title: "Atelier", start: "2026-04-01" });
  if (!first.ok || !second.ok) throw new Error("fixtures must be valid");
  writeEvent(doc, newEventId(), first.event);
  writeEvent(doc, newEventId(), second.event);
  doc.getMap("events").set("garbage0001", "not a map");
  const { events, invalid } = readEvents(doc);
  expect(events.map((e) => e.title)).toEqual(["Atelier", "Réunion"]);
  expect(invalid).toEqual([{ id: "garbage0001", reasons: ["not a map"] }]);
});

describe("mergeEdit", () => {
  const event = (override: Record<string, unknown> = {}): EventFields => {
    const result = validateEvent({ ...valid, description: "Salle des fêtes", ...override });
    if (!result.ok) throw new Error("fixture must be valid");
    return result.event;
  };

  test("keeps a field another person changed while the form was open", () => {
    const base = event();
    const current = event({ title: "Réunion publique" }); // someone else renamed it meanwhile
    const mine = event({ description: "Salle des fêtes, entrée libre" }); // this form only changed the description
    expect(mergeEdit(current, base, mine)).toEqual(
      event({ title: "Réunion publique", description: "Salle des fêtes, entrée libre" }),
    );
  });

  test("the same field changed by both: the one saving now wins", () => {
    expect(mergeEdit(event({ title: "A" }), event(), event({ title: "B" })).title).toBe("B");
  });

  test("an invalid combination writes the form's own version; a new or vanished event too", () => {
    const base = event({ start: "2026-03-01", end: "2026-03-05" });
    const current = event({ start: "2026-03-01", end: "2026-03-02" });
    const mine = event({ start: "2026-03-04", end: "2026-03-05" });
    expect(mergeEdit(current, base, mine)).toEqual(mine);
    expect(mergeEdit(null, base, mine)).toEqual(mine);
    expect(mergeEdit(current, null, mine)).toEqual(mine);
  });
});
