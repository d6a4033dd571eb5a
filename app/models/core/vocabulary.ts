/**
 * Closed vocabularies shared by the server and the browser. Labels live in the
 * i18n dictionaries under the same codes.
 */
export const PROJECT_ROLES = ["coordinator", "researcher", "local_actor", "council_reviewer", "observer"] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

export const SITE_ROLES = ["member", "coalition_coordinator"] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

export const SECTORS = [
  "agriculture",
  "commerce",
  "mobility",
  "tourism",
  "industry",
  "public_services",
  "other",
] as const;
export type Sector = (typeof SECTORS)[number];

/** The action-research cycle, in order. */
export const PHASES = [
  "framing",
  "diagnosis",
  "action_plan",
  "action",
  "observation",
  "reflection",
  "capitalisation",
] as const;
export type Phase = (typeof PHASES)[number];

export const VISIBILITIES = ["members", "coalition"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const TERRITORY_KINDS = ["commune", "epci", "departement", "region"] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];

/** Workspace sections, in navigation order (each is a route `/projects/<id>/<code>`). */
export const WORKSPACE_SECTIONS = [
  { code: "notes" },
  { code: "surveys" },
  { code: "timeline" },
  { code: "codes" },
  { code: "findings" },
  { code: "council" },
  { code: "members" },
] as const;
export type WorkspaceSection = (typeof WORKSPACE_SECTIONS)[number]["code"];

/** A survey's life: designed, answered through its public link, then closed. */
export const SURVEY_STATUSES = ["draft", "open", "closed"] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const QUESTION_TYPES = [
  "short_text",
  "long_text",
  "single_choice",
  "multiple_choice",
  "scale",
  "number",
  "date",
  "commune",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const TIMELINE_EVENT_TYPES = [
  "meeting",
  "workshop",
  "interview",
  "observation",
  "action",
  "decision",
  "publication",
  "other",
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

/**
 * A finding's review states (issue 15 adds the transitions): a draft of the project team,
 * submitted to the council, sent back with changes requested, validated, published beyond
 * the project, withdrawn.
 */
export const FINDING_STATES = [
  "draft",
  "submitted",
  "changes_requested",
  "validated",
  "published",
  "withdrawn",
] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/**
 * What moves a finding from one state to another (app/models/review/transitions.ts says from
 * where to where, and the rights table who): submit (or resubmit), request changes, validate,
 * publish, withdraw, and reopen a withdrawn finding as a draft.
 */
export const FINDING_TRANSITIONS = ["submit", "request_changes", "validate", "publish", "withdraw", "reopen"] as const;
export type FindingTransition = (typeof FINDING_TRANSITIONS)[number];

/** Who asked for the council's opinion: the project (saisine) or the council itself (auto-saisine). */
export const SAISINE_ORIGINS = ["referral", "own_initiative"] as const;
export type SaisineOrigin = (typeof SAISINE_ORIGINS)[number];

/** An avis is written (en rédaction), adopted (frozen) and transmitted. */
export const AVIS_STATES = ["drafting", "adopted", "transmitted"] as const;
export type AvisState = (typeof AVIS_STATES)[number];

/** What a user is told about, in the app and optionally by e-mail. */
export const NOTIFICATION_TYPES = [
  "finding_submitted",
  "finding_verdict",
  "comment_reply",
  "comment_mention",
  "saisine_opened",
  "saisine_due",
  "avis_adopted",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** How a user wants e-mail for a notification type. */
export const NOTIFICATION_CHANNELS = ["immediate", "digest", "never"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** How sure the authors are of a finding (faible, moyenne, forte). */
export const CONFIDENCE_LEVELS = ["low", "medium", "high"] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/** What a finding's evidence may be: a quoted passage of a note, all passages of a code, a survey question's results, a timeline event, an outside source. */
export const EVIDENCE_KINDS = ["quote", "code", "survey", "event", "source"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
