import type { editorFr } from "./editor.fr";

/** The collaborative editor: toolbar, status, presence (English). */
export const editorEn: Record<keyof typeof editorFr, string> = {
  "editor.status.connected": "connected",
};
