/**
 * REFI-QDA counts a text selection's positions in characters — Unicode code points, from 0
 * before the first one, the end excluded — as the tools that read it do (QualCoder and Taguette
 * index Python strings, which are code points). Our offsets (CodedPassage.start/end, in the note's
 * flat text) are JavaScript string indices: UTF-16 code units, where an emoji or any character
 * outside the Basic Multilingual Plane counts twice. This converts one to the other.
 */
export function codePointOffsets(text: string): (utf16Offset: number) => number {
  // Most notes have no such character: the offsets are then the same.
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => Math.max(0, Math.min(offset, text.length));
  const table = new Uint32Array(text.length + 1);
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = points;
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length;
    const low = pair ? text.charCodeAt(i + 1) : 0;
    if (pair && low >= 0xdc00 && low <= 0xdfff) {
      // An offset between the two halves of a pair counts as after the character.
      table[i + 1] = points + 1;
      i++;
    }
    points++;
  }
  table[text.length] = points;
  return (offset) => table[Math.max(0, Math.min(offset, text.length))]!;
}
