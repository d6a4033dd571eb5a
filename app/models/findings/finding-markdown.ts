import type { Translator } from "~/i18n";
import type { ConfidenceLevel, FindingState } from "../core/vocabulary";
import type { EvidenceView } from "./evidence-view";

type MarkdownFinding = {
  finding: {
    title: string;
    excerpt: string;
    state: string;
    confidence: string | null;
    confidenceRationale: string;
    sectors: string[];
    communes: { name: string }[];
  };
  statement: string[];
  evidence: EvidenceView[];
};

/** Characters that would turn text into Markdown syntax are escaped: what people wrote stays text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~^])/g, "\\$1").replace(/\s*\n\s*/g, " ");
}

function evidenceLine(t: Translator, item: EvidenceView, siteUrl: string, projectId: string): string {
  const e = escapeMarkdown;
  const kind = t(`findings.evidence.kind.${item.kind}`);
  const shows = item.comment ? ` ${t("findings.evidence.shows")} : ${e(item.comment)}` : "";
  const base = `${siteUrl}/projects/${projectId}`;
  switch (item.kind) {
    case "quote": {
      const where =
        item.noteState === "deleted"
          ? t("findings.evidence.noteDeleted")
          : `${t("findings.evidence.inNote", { title: e(item.noteTitle || t("notes.untitled")) })} (<${base}/notes/${item.noteId}?evidence=${item.id}>)`;
      const changed = item.changedTo !== null ? ` ${t("findings.evidence.modified")}.` : "";
      return `${kind} : « ${e(item.quote)} » — ${where}.${changed}${shows}`;
    }
    case "code":
      return `${kind} : ${e(item.label)}, ${
        item.count === 1
          ? t("findings.evidence.codePassagesOne")
          : t("findings.evidence.codePassagesMany", { count: item.count })
      } (<${base}/codes/${item.codeId}>).${shows}`;
    case "survey": {
      const s = item.snapshot;
      if (!s) return `${kind} : ${t("findings.evidence.surveyGone")}${shows}`;
      const counts = s.figures.counts
        .map((c) => `${e(c.label || t("findings.evidence.surveyOther"))} ${c.count}`)
        .join(", ");
      return `${kind} : ${e(s.surveyTitle)} — ${e(s.questionLabel)}, ${t(
        s.figures.answered > 1 ? "findings.evidence.surveyAnswered" : "findings.evidence.surveyAnsweredOne",
        {
          answered: s.figures.answered,
          total: s.total,
        },
      )}${counts ? ` (${counts})` : ""}.${shows}`;
    }
    case "event":
      return `${kind} : ${e(item.title)}${item.day ? ` (${item.day})` : ""}${item.exists ? "" : `. ${t("findings.evidence.eventGone")}`}.${shows}`;
    case "source":
      return `${kind} : ${e(item.title)}${item.url ? ` <${item.url}>` : ""}${item.reference ? `, ${e(item.reference)}` : ""}.${shows}`;
  }
}

/**
 * Findings as Markdown, each with its statement and its evidence as footnotes ([^1]), numbered
 * across the whole document so that several findings can share one file.
 */
export function findingsMarkdown({
  t,
  title,
  findings,
  siteUrl,
  projectId,
}: {
  t: Translator;
  title: string;
  findings: MarkdownFinding[];
  siteUrl: string;
  projectId: string;
}): string {
  const out: string[] = [`# ${escapeMarkdown(title)}`, ""];
  const notes: string[] = [];
  for (const { finding, statement, evidence } of findings) {
    out.push(`## ${escapeMarkdown(finding.title || t("findings.untitled"))}`, "");
    const facts = [
      `${t("findings.filters.state")} : ${t(`findings.state.${finding.state as FindingState}`)}`,
      `${t("findings.fields.confidence")} : ${
        finding.confidence
          ? t(`findings.confidence.${finding.confidence as ConfidenceLevel}`)
          : t("findings.confidence.none")
      }`,
      finding.sectors.length
        ? `${t("findings.fields.sectors")} : ${finding.sectors.map((s) => t(`sector.${s as "other"}`)).join(", ")}`
        : null,
      finding.communes.length
        ? `${t("findings.fields.communes")} : ${finding.communes.map((c) => escapeMarkdown(c.name)).join(", ")}`
        : null,
    ].filter(Boolean);
    out.push(...facts.map((fact) => `- ${fact}`), "");
    if (finding.confidenceRationale)
      out.push(`${t("findings.fields.rationale")} : ${escapeMarkdown(finding.confidenceRationale)}`, "");
    const refs = evidence.map((item) => {
      notes.push(`[^${notes.length + 1}]: ${evidenceLine(t, item, siteUrl, projectId)}`);
      return `[^${notes.length}]`;
    });
    // The footnote calls follow the statement's last paragraph.
    const paragraphs = statement.map(escapeMarkdown);
    const last = `${paragraphs.pop() ?? ""}${refs.length ? ` ${refs.join(" ")}` : ""}`.trim();
    for (const paragraph of [...paragraphs, last]) if (paragraph) out.push(paragraph, "");
  }
  if (notes.length) out.push(...notes, "");
  return out.join("\n");
}
