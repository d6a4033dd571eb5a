/** Exchange with qualitative analysis tools: REFI-QDA codebooks and projects (French, reference). */
export const qdaFr = {
  "qda.title": "Échange avec les logiciels d'analyse qualitative",
  "qda.intro":
    "ATLAS.ti, NVivo, MAXQDA, QualCoder et Taguette lisent et écrivent le format d'échange REFI-QDA : le travail de codage continue dans ces logiciels, et leurs livres de codes viennent ici.",
  "qda.exportCodebook": "Exporter le livre de codes (.qdc)",
  "qda.exportProject": "Exporter les notes et leurs passages codés (.qdpx)",
  "qda.importCodebook": "Importer un livre de codes (.qdc)",
  "qda.export.empty": "Le livre de codes est vide : il n'y a rien à exporter.",
  "qda.export.untitled": "Note sans titre",
  "qda.import.title": "Importer un livre de codes",
  "qda.import.intro":
    "Choisissez un fichier .qdc exporté d'un logiciel d'analyse qualitative. Un code dont le nom est déjà dans le livre de codes (sans tenir compte des majuscules ni des accents) est gardé tel quel : il reçoit seulement la définition ou la couleur qui lui manque. Les autres codes sont ajoutés, avec leur définition, leur couleur et leur code parent. Rien n'est ajouté en double si vous importez deux fois le même fichier.",
  "qda.import.field": "Fichier du livre de codes",
  "qda.import.hint": "Un fichier .qdc (REFI-QDA), de {max} Mo au plus.",
  "qda.import.submit": "Importer",
  "qda.import.busy": "Import en cours…",
  "qda.import.back": "Retour aux codes",
  "qda.import.again": "Importer un autre fichier",
  "qda.import.done": "Livre de codes importé : {created} codes ajoutés, {kept} déjà présents.",
  "qda.import.created": "Codes ajoutés ({count})",
  "qda.import.kept": "Codes déjà présents, gardés ({count})",
  "qda.import.noneCreated": "Aucun code ajouté : tous les codes du fichier sont déjà dans le livre de codes.",
  "qda.import.noneKept": "Aucun code du fichier n'était déjà dans le livre de codes.",
  "qda.import.under": "sous « {parent} »",
  "qda.import.retired": "retiré (le fichier le dit non codable)",
  "qda.import.sameAs": "« {label} » dans le fichier",
  "qda.import.completed.definition": "définition ajoutée",
  "qda.import.completed.colour": "couleur ajoutée",
  "qda.error.noFile": "Choisissez un fichier .qdc à importer.",
  "qda.error.tooLarge": "Ce fichier dépasse {max} Mo : un livre de codes est bien plus petit.",
  "qda.error.notText": "Ce fichier n'est pas un texte lisible (UTF-8) : ce n'est pas un livre de codes REFI-QDA.",
  "qda.error.notXml": "Ce fichier n'est pas un document XML bien formé : ce n'est pas un livre de codes REFI-QDA.",
  "qda.error.notXmlAt":
    "Ce fichier n'est pas un document XML bien formé (erreur à la ligne {line}) : ce n'est pas un livre de codes REFI-QDA.",
  "qda.error.doctype":
    "Ce fichier contient une déclaration de type de document (DOCTYPE), refusée par sécurité : un livre de codes REFI-QDA n'en a pas besoin.",
  "qda.error.wrongRoot":
    "Ce fichier XML n'est pas un livre de codes REFI-QDA : son élément principal doit être CodeBook (un projet .qdpx ne s'importe pas ici).",
  "qda.error.noCodes": "Ce livre de codes ne contient aucun code.",
  "qda.error.tooManyCodes": "Ce livre de codes contient plus de {max} codes : découpez-le avant de l'importer.",
  "qda.error.codeWithoutName":
    "Un code du fichier n'a pas de nom : corrigez-le dans votre logiciel avant de l'importer.",
  "qda.error.nameTooLong":
    "Le nom du code « {name} » dépasse {max} caractères : raccourcissez-le dans votre logiciel avant de l'importer.",
} as const;
