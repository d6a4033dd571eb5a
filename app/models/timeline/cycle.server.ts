import { z } from "zod";
import type { Translator } from "~/i18n";
import { prisma } from "../core/db.server";
import { PHASES, type Phase } from "../core/vocabulary";

/**
 * The action-research spiral: cycles of seven phases. `Project.phase` is the current phase of
 * the latest cycle (lists read it); every move is appended to PhaseChange (who, when, comment),
 * and the phases' dates are derived from that log (docs/decisions/007).
 */

export type CycleOption = { id: string; number: number };

/** A phase change's comment: a few sentences, not a report. */
export const PHASE_COMMENT_MAX = 500;

/** The project's cycles, oldest first: for pickers (notes, surveys) and filters. */
export async function listCycles({ projectId }: { projectId: string }): Promise<CycleOption[]> {
  return prisma.projectCycle.findMany({
    where: { projectId },
    select: { id: true, number: true },
    orderBy: { number: "asc" },
  });
}

/** The latest cycle and the current phase, or null for an unknown project. */
export async function currentPosition({ projectId }: { projectId: string }) {
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: { phase: true, cycles: { select: { id: true, number: true }, orderBy: { number: "desc" }, take: 1 } },
  });
  if (!project) return null;
  const cycle = project.cycles[0] ?? null;
  return { phase: project.phase as Phase, cycle };
}

/**
 * The optional "cycle and phase" of a note or survey, from a form. An id that is not one of
 * this project's cycles is refused, never stored.
 */
export function cyclePhaseSchema(t: Translator, cycles: CycleOption[]) {
  const known = new Set(cycles.map((c) => c.id));
  return z.object({
    cycleId: z
      .string()
      .trim()
      // An over-long id is just another unknown cycle (and zod's own message is English).
      .max(64, t("cycle.field.cycleUnknown"))
      .refine((id) => !id || known.has(id), t("cycle.field.cycleUnknown"))
      .transform((id) => id || null),
    phase: z
      .string()
      .trim()
      .refine((phase) => !phase || (PHASES as readonly string[]).includes(phase), t("cycle.field.phaseUnknown"))
      .transform((phase) => (phase || null) as Phase | null),
  });
}

export type PhaseSpan = { phase: Phase; startedAt: Date | null; endedAt: Date | null; current: boolean };

export type CycleOverview = {
  id: string;
  number: number;
  startedAt: Date;
  endedAt: Date | null;
  phases: PhaseSpan[];
};

type Change = { cycleId: string; toPhase: string; createdAt: Date };

/**
 * Each phase's dates in one cycle, from the log: a phase starts when the project moved into it
 * and ends when it moved on (or when the cycle ended). A cycle without any logged move (created
 * before the log existed, or by a test factory) starts in `fallbackPhase` on its start date.
 */
export function phaseSpans(
  cycle: { id: string; startedAt: Date; endedAt: Date | null },
  changes: Change[],
  current: { cycleId: string | null; phase: string },
): PhaseSpan[] {
  const moves = changes.filter((c) => c.cycleId === cycle.id).sort((a, b) => +a.createdAt - +b.createdAt);
  if (!moves.length && current.cycleId === cycle.id) {
    moves.push({ cycleId: cycle.id, toPhase: current.phase, createdAt: cycle.startedAt });
  }
  const starts = new Map<Phase, Date>();
  const ends = new Map<Phase, Date>();
  moves.forEach((move, index) => {
    const phase = move.toPhase as Phase;
    if (!starts.has(phase)) starts.set(phase, move.createdAt);
    const next = moves[index + 1];
    const end = next ? next.createdAt : cycle.endedAt;
    if (end) ends.set(phase, end);
    else ends.delete(phase);
  });
  const isCurrentCycle = current.cycleId === cycle.id;
  return PHASES.map((phase) => ({
    phase,
    startedAt: starts.get(phase) ?? null,
    endedAt: ends.get(phase) ?? null,
    current: isCurrentCycle && current.phase === phase,
  }));
}

/** Every cycle with its phases' dates, newest cycle first, and the log of changes, newest first. */
export async function getCycleOverview({ projectId }: { projectId: string }) {
  const [project, cycles, changes] = await Promise.all([
    prisma.project.findUnique({ where: { id: projectId }, select: { phase: true } }),
    prisma.projectCycle.findMany({
      where: { projectId },
      select: { id: true, number: true, startedAt: true, endedAt: true },
      orderBy: { number: "desc" },
    }),
    prisma.phaseChange.findMany({
      where: { projectId },
      select: {
        id: true,
        cycleId: true,
        fromPhase: true,
        toPhase: true,
        comment: true,
        createdAt: true,
        user: { select: { id: true, name: true } },
        cycle: { select: { number: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  ]);
  if (!project) return null;
  const current = { cycleId: cycles[0]?.id ?? null, phase: project.phase };
  return {
    phase: project.phase as Phase,
    cycleNumber: cycles[0]?.number ?? 1,
    cycles: cycles.map((cycle) => ({ ...cycle, phases: phaseSpans(cycle, changes, current) })),
    history: changes.map(({ cycle, ...change }) => ({
      ...change,
      cycleNumber: cycle.number,
      fromPhase: change.fromPhase as Phase | null,
      toPhase: change.toPhase as Phase,
    })),
  };
}

export type PhaseMove = "next" | "newCycle";
export type MoveOutcome = "moved" | "stale" | "lastPhase";

/**
 * Moves the project on, if it is still where the person's form said it was (`expected`):
 * a second coordinator submitting the same stale form gets "stale", not a double move. The
 * check and the write happen in one transaction; the conditional update is the lock, and the
 * unique (projectId, number) of cycles stops a second "new cycle" for the same one.
 */
export async function changePhase({
  projectId,
  userId,
  move,
  expected,
  comment,
}: {
  projectId: string;
  userId: string;
  move: PhaseMove;
  expected: { cycle: number; phase: Phase };
  comment: string | null;
}): Promise<MoveOutcome> {
  try {
    return await prisma.$transaction(async (tx) => {
      const index = PHASES.indexOf(expected.phase);
      if (move === "next" && index === PHASES.length - 1) return "lastPhase";
      const toPhase: Phase = move === "next" ? PHASES[index + 1]! : PHASES[0];
      // Still in the expected phase of the expected cycle (no later cycle exists)?
      const updated = await tx.project.updateMany({
        where: {
          id: projectId,
          phase: expected.phase,
          cycles: { some: { number: expected.cycle }, none: { number: { gt: expected.cycle } } },
        },
        data: { phase: toPhase },
      });
      if (updated.count !== 1) return "stale";
      const cycle = await tx.projectCycle.findUniqueOrThrow({
        where: { projectId_number: { projectId, number: expected.cycle } },
        select: { id: true },
      });
      let cycleId = cycle.id;
      const now = new Date();
      if (move === "newCycle") {
        await tx.projectCycle.update({ where: { id: cycle.id }, data: { endedAt: now }, select: { id: true } });
        const next = await tx.projectCycle.create({
          data: { projectId, number: expected.cycle + 1, startedAt: now },
          select: { id: true },
        });
        cycleId = next.id;
      }
      await tx.phaseChange.create({
        data: {
          projectId,
          cycleId,
          fromPhase: move === "newCycle" ? null : expected.phase,
          toPhase,
          userId,
          comment,
          createdAt: now,
        },
        select: { id: true },
      });
      return "moved";
    });
  } catch (error) {
    // Two "new cycle" submits racing: the loser hits the unique cycle number.
    if (isUniqueViolation(error)) return "stale";
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
