import { getSchema } from "@tiptap/core";
import Heading from "@tiptap/extension-heading";
import Link from "@tiptap/extension-link";
import StarterKit from "@tiptap/starter-kit";
import { richTextChecker, rulesFromSchema } from "../documents/rich-text-schema";
import { CodedPassageMark } from "./coded-passage-mark";
import { NOTE_FRAGMENT, NOTE_STARTER_KIT } from "./note-schema";

/**
 * A note's body as the editor's schema allows it (nodes, attributes, marks: the editor's
 * NoteHeading and SafeLink extend these Heading and Link without renaming anything; coded
 * passages are the shared CodedPassageMark). The
 * collaboration server refuses an update that would take a note out of it (issue 13).
 */
export const noteSchema = getSchema([StarterKit.configure(NOTE_STARTER_KIT), Heading, Link, CodedPassageMark]);

export const checkNoteUpdate = richTextChecker(rulesFromSchema(noteSchema, NOTE_FRAGMENT));
