import type * as Y from "yjs";

/** Pure helpers of the designer's text inputs (y-text-field.client.tsx), testable in Node. */

/** Where a caret ends up once someone else's change (a Yjs delta) is applied before or after it. */
export function shiftIndex(index: number, delta: Y.YTextEvent["delta"]): number {
  let position = 0;
  let result = index;
  for (const op of delta) {
    if (op.retain !== undefined) position += op.retain;
    else if (op.insert !== undefined) {
      const length = typeof op.insert === "string" ? op.insert.length : 1;
      if (position < result) result += length;
      position += length;
    } else if (op.delete !== undefined) {
      if (position < result) result -= Math.min(op.delete, result - position);
    }
  }
  return result;
}

/** The smallest change from `before` to `after`: one deletion then one insertion at the same place. */
export function textChange(before: string, after: string): { index: number; remove: number; insert: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}
