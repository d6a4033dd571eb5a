import * as Y from "yjs";
import { random } from "./stats";

/**
 * A long note typed keystroke by keystroke, recorded as the updates browsers would have sent:
 * one Yjs update per character. Three people write in turns, each at their own place in the
 * note, with backspaces, new paragraphs, returns to earlier paragraphs, and a new Yjs client id
 * whenever someone reloads the page. These habits fragment the document the way real
 * co-editing does, which is what makes a document heavy to load: one uninterrupted run of
 * characters would encode to little more than its text.
 */
export type TypingHistory = {
  /** Every update in the order it was typed. */
  updates: Uint8Array[];
  keystrokes: number;
  /** Sum of the updates' sizes: what the server's update log holds before compaction. */
  logBytes: number;
  /** Y.encodeStateAsUpdate of the final document: what a new client downloads. */
  stateBytes: number;
  /** The final document's text, to check that a loading client got everything. */
  text: string;
};

const WORDS = (
  "ce matin au marché de producteurs de la place du Champ de Mars nous avons rencontré la maraîchère " +
  "qui tient le stand depuis douze ans elle explique que les clients réguliers viennent surtout le samedi " +
  "et que la vente directe représente désormais plus de la moitié de son chiffre d'affaires la question " +
  "du numérique revient souvent elle utilise un groupe de messagerie pour annoncer les légumes de la semaine " +
  "mais hésite à ouvrir une boutique en ligne par crainte de perdre le contact avec ses habitués " +
  "à la médiathèque l'atelier d'accompagnement numérique réunissait huit personnes dont trois agriculteurs " +
  "retraités venus apprendre à déclarer leurs revenus en ligne la conseillère numérique note que " +
  "les démarches administratives occupent l'essentiel des permanences et que la couverture mobile reste " +
  "mauvaise dans les hameaux de la vallée"
).split(" ");

type Typist = { clientId: number; where: Y.RelativePosition | null };

function paragraphAt(fragment: Y.XmlFragment, index: number): Y.XmlText {
  return (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

/**
 * Types until the encoded document reaches `targetStateBytes` or `maxKeystrokes` is reached.
 * Deterministic for a given seed, so both servers receive exactly the same history.
 */
export function typeLongNote({
  targetStateBytes = 1_000_000,
  maxKeystrokes = 300_000,
  seed = 42,
}: { targetStateBytes?: number; maxKeystrokes?: number; seed?: number } = {}): TypingHistory {
  const rand = random(seed);
  const newClientId = () => 1 + Math.floor(rand() * 2 ** 30);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const fragment = doc.getXmlFragment("default");
  const newParagraph = (index: number) => {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText()]);
    fragment.insert(index, [paragraph]);
  };
  newParagraph(0);

  const typists: Typist[] = Array.from({ length: 3 }, () => ({ clientId: newClientId(), where: null }));
  let typist = typists[0]!;
  let paragraph = 0;
  let cursor = 0;
  let word = 0;
  let letter = 0;
  let marks: Record<string, true> = {};
  let keystrokes = 0;
  let turnLeft = 0;

  // Where a typist's cursor is now, after the others' edits moved things around.
  const resume = (next: Typist) => {
    const absolute = next.where && Y.createAbsolutePositionFromRelativePosition(next.where, doc);
    if (absolute && absolute.type instanceof Y.XmlText) {
      const parent = absolute.type.parent as Y.XmlElement;
      paragraph = Math.max(0, fragment.toArray().indexOf(parent));
      cursor = absolute.index;
    } else {
      paragraph = Math.floor(rand() * fragment.length);
      cursor = paragraphAt(fragment, paragraph).length;
    }
  };

  while (keystrokes < maxKeystrokes) {
    if (turnLeft-- <= 0) {
      // Someone else takes a turn (they were typing at the same time, elsewhere in the note).
      typist.where = Y.createRelativePositionFromTypeIndex(paragraphAt(fragment, paragraph), cursor);
      typist = typists[Math.floor(rand() * typists.length)]!;
      if (rand() < 0.05) typist.clientId = newClientId(); // reloaded the page: a new Yjs client
      doc.clientID = typist.clientId;
      resume(typist);
      turnLeft = 10 + Math.floor(rand() * 150);
    }
    const text = paragraphAt(fragment, paragraph);
    const roll = rand();
    if (roll < 0.04 && cursor > 0) {
      // Backspace over a typo.
      const count = Math.min(cursor, 1 + Math.floor(rand() * 6));
      for (let i = 0; i < count; i++) text.delete(--cursor, 1);
      keystrokes += count;
    } else if (roll < 0.045) {
      // Back to an earlier paragraph to revise it.
      paragraph = Math.floor(rand() * fragment.length);
      cursor = Math.floor(rand() * (paragraphAt(fragment, paragraph).length + 1));
    } else if (roll < 0.047) {
      // Enter: a new paragraph after this one.
      newParagraph(++paragraph);
      cursor = 0;
      keystrokes++;
    } else {
      const current = WORDS[word % WORDS.length]! + " ";
      // Marks are always explicit, as the editor sends them: a word in bold or italics now and then.
      text.insert(cursor++, current[letter]!, letter === current.length - 1 ? {} : marks);
      keystrokes++;
      if (++letter === current.length) {
        letter = 0;
        word += 1 + Math.floor(rand() * 3);
        const style = rand();
        marks = style < 0.08 ? { bold: true } : style < 0.16 ? { italic: true } : {};
      }
    }
    if (keystrokes % 10_000 === 0 && Y.encodeStateAsUpdate(doc).byteLength >= targetStateBytes) break;
  }
  return {
    updates,
    keystrokes,
    logBytes: updates.reduce((sum, u) => sum + u.byteLength, 0),
    stateBytes: Y.encodeStateAsUpdate(doc).byteLength,
    text: plainText(doc),
  };
}

/** The text of every paragraph, one per line (enough to compare two copies of a note). */
export function plainText(doc: Y.Doc): string {
  return doc
    .getXmlFragment("default")
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? (node.get(0) as Y.XmlText).toString() : ""))
    .join("\n");
}
