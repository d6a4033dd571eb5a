import { describe, expect, it } from "vitest";
import { renderDigestMail, renderNotificationMail, type MailItem } from "./mail-render";
import { channelsFrom, DEFAULT_CHANNELS } from "./preferences";

const item: MailItem = {
  type: "finding_verdict",
  subject: "Le <marché>\nrayonne",
  detail: "Préciser les sources & les dates",
  actorName: "Chloé",
  projectTitle: "Die en transition",
  url: "https://maillage.example/projects/p/findings/f",
};
const links = {
  unsubscribeUrl: "https://maillage.example/unsubscribe/t?type=finding_verdict",
  settingsUrl: "https://maillage.example/account#mail",
};

describe("notification e-mails", () => {
  it("say what happened and where in the subject, on one line, in the recipient's language", () => {
    const fr = renderNotificationMail({ name: "Awa", locale: "fr" }, item, links);
    expect(fr.subject).toBe("[Die en transition] Verdict sur un constat : Le <marché> rayonne");
    const en = renderNotificationMail({ name: "Awa", locale: "en" }, item, links);
    expect(en.subject).toBe("[Die en transition] Verdict on a finding: Le <marché> rayonne");
    expect(renderNotificationMail({ name: "Awa", locale: "xx" }, item, links).subject).toContain("Verdict sur");
  });

  it("have a plain text with the link and the unsubscribe address, and escaped HTML", () => {
    const mail = renderNotificationMail({ name: "Awa", locale: "fr" }, item, links);
    expect(mail.text).toContain("Bonjour Awa,");
    expect(mail.text).toContain(item.url);
    expect(mail.text).toContain(links.unsubscribeUrl);
    expect(mail.html).toContain("Le &lt;marché&gt;");
    expect(mail.html).toContain("sources &amp; les dates");
    expect(mail.html).not.toContain("<marché>");
    expect(mail.html).toContain('lang="fr"');
  });

  it("gather a digest's items with a count in the subject", () => {
    const digest = renderDigestMail({ name: "Awa", locale: "fr" }, [item, { ...item, subject: "Autre" }], links);
    expect(digest.subject).toBe("Maillage : votre résumé du jour (2 notifications)");
    expect(digest.text).toContain("Autre");
    expect(digest.text).toContain("[Die en transition]");
  });
});

describe("e-mail preferences", () => {
  it("fall back to the defaults for types without a (valid) choice", () => {
    const channels = channelsFrom([
      { type: "comment_reply", channel: "never" },
      { type: "finding_verdict", channel: "sometimes" },
    ]);
    expect(channels.comment_reply).toBe("never");
    expect(channels.finding_verdict).toBe(DEFAULT_CHANNELS.finding_verdict);
    expect(channels.avis_adopted).toBe("digest");
    expect(channels.finding_submitted).toBe("immediate");
  });
});
