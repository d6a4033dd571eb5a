import type { editorFr } from "./editor.fr";

/** The collaborative editor: toolbar, status, presence (English). */
export const editorEn: Record<keyof typeof editorFr, string> = {
  "editor.status.connected": "connected",
  "editor.status.synced": "synced",
  "editor.status.offline": "offline — changes kept on this device",
  "editor.loading": "Loading the editor…",
  "editor.region": "Note text",
  "editor.readOnly": "Read only: your role lets you follow this note live, not edit it.",
  "editor.notice.revoked":
    "Your access to this note was removed: nothing is sent any more. Reload the page or contact the project's coordinator.",
  "editor.notice.rightsChanged": "Your role in this project changed. Reload the page to carry on with your new rights.",
  "editor.notice.full": "Too many people have this note open at once. Trying to connect again in a moment.",
  "editor.notice.tooBig":
    "A change is too large for the server: nothing more is sent from this page, but everything stays on this device. Delete the overly long pasted text, then reload the page.",
  "editor.notice.deleted":
    "Someone moved this note to the trash: it can no longer be edited here, and nothing more is sent from this page.",
  "editor.notice.deletedLink": "Back to the notes",
  "editor.toolbar": "Formatting",
  "editor.bold": "Bold",
  "editor.italic": "Italic",
  "editor.heading2": "Heading",
  "editor.heading3": "Subheading",
  "editor.bulletList": "Bullet list",
  "editor.orderedList": "Numbered list",
  "editor.blockquote": "Quote",
  "editor.link": "Link",
  "editor.link.label": "Link address",
  "editor.link.hint": "A web address (https://…) or an email address (name@example.org).",
  "editor.link.invalid": "Only web (http, https) and email (mailto) addresses can become links.",
  "editor.link.apply": "Apply",
  "editor.link.remove": "Remove link",
  "editor.link.cancel": "Cancel",
  "editor.presence.label": "In this note:",
  "editor.presence.you": "{name} (you)",
  "editor.presence.joined": "{name} joined the note.",
  "editor.presence.left": "{name} left the note.",
};
