/** The collaborative editor: toolbar, status, presence (French, reference). */
export const editorFr = {
  "editor.status.connected": "connecté",
  "editor.status.synced": "synchronisé",
  "editor.status.offline": "hors ligne — modifications gardées sur cet appareil",
  "editor.loading": "Chargement de l'éditeur…",
  "editor.region": "Texte de la note",
  "editor.readOnly": "Lecture seule : votre rôle vous permet de suivre cette note en direct, pas de la modifier.",
  "editor.notice.revoked":
    "Votre accès à cette note a été retiré : plus rien n'est envoyé. Rechargez la page ou contactez la coordination du projet.",
  "editor.notice.rightsChanged":
    "Votre rôle dans ce projet a changé. Rechargez la page pour continuer avec vos nouveaux droits.",
  "editor.notice.full":
    "Trop de personnes ont ouvert cette note en même temps. Nouvel essai de connexion dans un instant.",
  "editor.notice.tooBig":
    "Une modification est trop volumineuse pour le serveur : plus rien n'est envoyé depuis cette page, mais tout reste sur cet appareil. Supprimez le texte collé trop long, puis rechargez la page.",
  "editor.notice.deleted":
    "Quelqu'un a mis cette note à la corbeille : elle n'est plus modifiable ici et plus rien n'est envoyé depuis cette page.",
  "editor.notice.deletedLink": "Retour aux notes",
  "editor.toolbar": "Mise en forme",
  "editor.bold": "Gras",
  "editor.italic": "Italique",
  "editor.heading2": "Titre",
  "editor.heading3": "Sous-titre",
  "editor.bulletList": "Liste à puces",
  "editor.orderedList": "Liste numérotée",
  "editor.blockquote": "Citation",
  "editor.link": "Lien",
  "editor.link.label": "Adresse du lien",
  "editor.link.hint": "Une adresse web (https://…) ou électronique (nom@exemple.fr).",
  "editor.link.invalid": "Seules les adresses web (http, https) et électroniques (mailto) peuvent devenir des liens.",
  "editor.link.apply": "Appliquer",
  "editor.link.remove": "Retirer le lien",
  "editor.link.cancel": "Annuler",
  "editor.presence.label": "Dans cette note :",
  "editor.presence.you": "{name} (vous)",
  "editor.presence.joined": "{name} a rejoint la note.",
  "editor.presence.left": "{name} a quitté la note.",
} as const;
