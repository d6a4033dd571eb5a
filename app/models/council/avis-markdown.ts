import type { Translator } from "~/i18n";
import type { AvisState, FindingState, SaisineOrigin } from "../core/vocabulary";
import { escapeMarkdown } from "../findings/finding-markdown";
import type { AvisText } from "./avis-text";

type MarkdownAvis = {
  saisine: {
    origin: string;
    question: string;
    state: string;
    dueOn: string | Date | null;
    adoptedAt: string | Date | null;
    votesFor: number | null;
    votesAgainst: number | null;
    votesAbstain: number | null;
    findings: { id: string; title: string; state: string }[];
  };
  text: AvisText;
};

const day = (value: string | Date) => new Date(value).toISOString().slice(0, 10);

/** An avis as Markdown: its title, the saisine (question, state, dates, votes), its text, the findings linked. */
export function avisMarkdown({
  t,
  report,
  siteUrl,
  projectId,
}: {
  t: Translator;
  report: MarkdownAvis;
  siteUrl: string;
  projectId: string;
}): string {
  const { saisine, text } = report;
  const e = escapeMarkdown;
  const out = [`# ${e(text.title || t("council.untitled"))}`, ""];
  const facts = [
    `${t(`council.origin.${saisine.origin as SaisineOrigin}`)} : ${e(saisine.question)}`,
    `${t("council.report.state")} : ${t(`council.state.${saisine.state as AvisState}`)}`,
    saisine.dueOn ? `${t("council.report.due")} : ${day(saisine.dueOn)}` : null,
    saisine.adoptedAt ? t("council.adoptedOn", { date: day(saisine.adoptedAt) }) : null,
    saisine.votesFor !== null || saisine.votesAgainst !== null || saisine.votesAbstain !== null
      ? t("council.votes", {
          for: saisine.votesFor ?? 0,
          against: saisine.votesAgainst ?? 0,
          abstain: saisine.votesAbstain ?? 0,
        })
      : null,
  ].filter(Boolean);
  out.push(...facts.map((fact) => `- ${fact}`), "");
  for (const paragraph of text.paragraphs) out.push(e(paragraph), "");
  if (saisine.findings.length) {
    out.push(`## ${t("council.report.findings")}`, "");
    for (const finding of saisine.findings) {
      const state = t(`findings.state.${finding.state as FindingState}`);
      const href = `${siteUrl}/projects/${projectId}/findings/${finding.id}`;
      out.push(`- ${e(finding.title || t("findings.untitled"))} (${state}) <${href}>`);
    }
    out.push("");
  }
  return out.join("\n");
}
