/** The collaborative editor: toolbar, status, presence (French, reference). */
export const editorFr = {
  "editor.status.connected": "connecté",
} as const;
