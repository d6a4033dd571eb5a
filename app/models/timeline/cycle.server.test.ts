import { expect, test } from "vitest";
import { translator } from "~/i18n";
import { cyclePhaseSchema, phaseSpans } from "./cycle.server";

const day = (d: number) => new Date(Date.UTC(2026, 0, d));

test("phase dates come from the log; the current phase has no end yet", () => {
  const cycle = { id: "c1", startedAt: day(1), endedAt: null };
  const changes = [
    { cycleId: "c1", toPhase: "framing", createdAt: day(1) },
    { cycleId: "c1", toPhase: "diagnosis", createdAt: day(10) },
    { cycleId: "other", toPhase: "action", createdAt: day(5) },
  ];
  const spans = phaseSpans(cycle, changes, { cycleId: "c1", phase: "diagnosis" });
  expect(spans[0]).toEqual({ phase: "framing", startedAt: day(1), endedAt: day(10), current: false });
  expect(spans[1]).toEqual({ phase: "diagnosis", startedAt: day(10), endedAt: null, current: true });
  expect(spans[2]).toEqual({ phase: "action_plan", startedAt: null, endedAt: null, current: false });
});

test("a cycle without any logged move starts in the current phase on its start date", () => {
  const spans = phaseSpans({ id: "c1", startedAt: day(3), endedAt: null }, [], { cycleId: "c1", phase: "action" });
  expect(spans.find((s) => s.phase === "action")).toEqual({
    phase: "action",
    startedAt: day(3),
    endedAt: null,
    current: true,
  });
});

test("a cycle that is not one of the project's, however long, gets the French message", () => {
  const schema = cyclePhaseSchema(translator("fr"), [{ id: "c1", number: 1 }]);
  for (const cycleId of ["c2", "x".repeat(100)]) {
    const result = schema.safeParse({ cycleId, phase: "" });
    expect(result.success).toBe(false);
    if (!result.success)
      expect([...new Set(result.error.issues.map((i) => i.message))]).toEqual([
        "Ce cycle n'existe pas dans le projet.",
      ]);
  }
  expect(schema.parse({ cycleId: "c1", phase: "action" })).toEqual({ cycleId: "c1", phase: "action" });
});
