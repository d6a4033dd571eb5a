import { PHASES, TIMELINE_EVENT_TYPES, type TimelineEventType } from "../core/vocabulary";
import type { TimelineEvent } from "./timeline-document";

/**
 * The timeline's filters, read from the page's address (`?type=workshop&phase=action_plan`) so
 * that a filtered timeline works without JavaScript, can be shared as a link, and prints the same.
 * An unknown value reads as "all", never as an error.
 */

/** The phase filter's values: every phase, "none" (events without a phase), or "" (all). */
export const PHASE_FILTERS = ["", ...PHASES, "none"] as const;
export type PhaseFilter = (typeof PHASE_FILTERS)[number];

export type TimelineFilters = { type: "" | TimelineEventType; phase: PhaseFilter };

export function readTimelineFilters(params: URLSearchParams): TimelineFilters {
  const type = params.get("type") ?? "";
  const phase = params.get("phase") ?? "";
  return {
    type: (TIMELINE_EVENT_TYPES as readonly string[]).includes(type) ? (type as TimelineEventType) : "",
    phase: (PHASE_FILTERS as readonly string[]).includes(phase) ? (phase as PhaseFilter) : "",
  };
}

/** "?type=…&phase=…" with only the filters that are set, or "". */
export function timelineFiltersQuery(filters: TimelineFilters): string {
  const params = new URLSearchParams();
  if (filters.type) params.set("type", filters.type);
  if (filters.phase) params.set("phase", filters.phase);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function matchesPhase(event: Pick<TimelineEvent, "phase">, filter: PhaseFilter): boolean {
  if (filter === "") return true;
  return filter === "none" ? event.phase === null : event.phase === filter;
}

export function matchesFilters(event: Pick<TimelineEvent, "phase" | "type">, filters: TimelineFilters): boolean {
  return (!filters.type || event.type === filters.type) && matchesPhase(event, filters.phase);
}
