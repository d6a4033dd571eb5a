import type { qdaFr } from "./qda.fr";

/** Exchange with qualitative analysis tools: REFI-QDA codebooks and projects (English). */
export const qdaEn: Record<keyof typeof qdaFr, string> = {
  "qda.title": "Exchange with qualitative analysis software",
  "qda.intro":
    "ATLAS.ti, NVivo, MAXQDA, QualCoder and Taguette read and write the REFI-QDA exchange format: coding work carries on in those tools, and their codebooks come here.",
  "qda.exportCodebook": "Export the codebook (.qdc)",
  "qda.exportProject": "Export the notes and their coded passages (.qdpx)",
  "qda.importCodebook": "Import a codebook (.qdc)",
  "qda.export.empty": "The codebook is empty: there is nothing to export.",
  "qda.export.untitled": "Untitled note",
  "qda.import.title": "Import a codebook",
  "qda.import.intro":
    "Choose a .qdc file exported from a qualitative analysis tool. A code whose name is already in the codebook (ignoring case and accents) is kept as it is: it only gets the definition or colour it lacks. Other codes are added, with their definition, colour and parent code. Importing the same file twice adds nothing twice.",
  "qda.import.field": "Codebook file",
  "qda.import.hint": "A .qdc file (REFI-QDA), {max} MB at most.",
  "qda.import.submit": "Import",
  "qda.import.busy": "Importing…",
  "qda.import.back": "Back to the codes",
  "qda.import.again": "Import another file",
  "qda.import.done": "Codebook imported: {created} codes added, {kept} already there.",
  "qda.import.created": "Codes added ({count})",
  "qda.import.kept": "Codes already there, kept ({count})",
  "qda.import.noneCreated": "No code added: every code of the file is already in the codebook.",
  "qda.import.noneKept": "No code of the file was already in the codebook.",
  "qda.import.under": "under “{parent}”",
  "qda.import.retired": "retired (the file says it cannot be coded)",
  "qda.import.sameAs": "“{label}” in the file",
  "qda.import.completed.definition": "definition added",
  "qda.import.completed.colour": "colour added",
  "qda.error.noFile": "Choose a .qdc file to import.",
  "qda.error.tooLarge": "This file is over {max} MB: a codebook is much smaller.",
  "qda.error.notText": "This file is not readable text (UTF-8): it is not a REFI-QDA codebook.",
  "qda.error.notXml": "This file is not a well-formed XML document: it is not a REFI-QDA codebook.",
  "qda.error.notXmlAt":
    "This file is not a well-formed XML document (error on line {line}): it is not a REFI-QDA codebook.",
  "qda.error.doctype":
    "This file holds a document type declaration (DOCTYPE), refused for safety: a REFI-QDA codebook does not need one.",
  "qda.error.wrongRoot":
    "This XML file is not a REFI-QDA codebook: its main element must be CodeBook (a .qdpx project is not imported here).",
  "qda.error.noCodes": "This codebook holds no code.",
  "qda.error.tooManyCodes": "This codebook holds more than {max} codes: split it before importing it.",
  "qda.error.codeWithoutName": "A code of the file has no name: fix it in your tool before importing it.",
  "qda.error.nameTooLong":
    "The name of the code “{name}” is over {max} characters: shorten it in your tool before importing it.",
};
