import { useEffect, useId, useRef, useState } from "react";
import * as Y from "yjs";
import { useT } from "~/i18n/use-translation";
import { shiftIndex, textChange } from "./text-diff";

type Props = {
  /** The shared text; a value that is not a Y.Text (written by a broken client) is shown read-only. */
  text: unknown;
  label: string;
  max: number;
  multiline?: boolean;
  readOnly: boolean;
  hint?: string;
  className?: string;
};

/**
 * A text input bound to a Y.Text: each keystroke becomes a small Yjs change, and the others'
 * typing appears in place without moving the caret. The input is uncontrolled: React never
 * resets its value, the Y.Text is the only source.
 */
export function YTextField({ text, label, max, multiline = false, readOnly, hint, className }: Props) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | null>(null);
  const shared = text instanceof Y.Text ? text : null;
  const origin = useRef({});

  useEffect(() => {
    const element = ref.current;
    if (!element || !shared) return;
    const show = (delta: Y.YTextEvent["delta"] | null) => {
      const focused = document.activeElement === element;
      const start = element.selectionStart ?? 0;
      const end = element.selectionEnd ?? 0;
      element.value = shared.toString();
      if (focused) {
        element.setSelectionRange(delta ? shiftIndex(start, delta) : start, delta ? shiftIndex(end, delta) : end);
      }
    };
    show(null);
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin !== origin.current) show(event.delta);
    };
    shared.observe(observer);
    return () => shared.unobserve(observer);
  }, [shared]);

  const onInput = () => {
    const element = ref.current;
    if (!element || !shared || readOnly) return;
    // One-line fields never hold a line break, even pasted.
    const next = multiline ? element.value : element.value.replace(/[\r\n]+/g, " ");
    const before = shared.toString();
    if (next.length > max && next.length > before.length) {
      const caret = Math.max(0, (element.selectionStart ?? 0) - (next.length - before.length));
      element.value = before;
      element.setSelectionRange(caret, caret);
      setError(t("surveys.text.tooLong", { max }));
      return;
    }
    setError(null);
    const change = textChange(before, next);
    shared.doc?.transact(() => {
      if (change.remove) shared.delete(change.index, change.remove);
      if (change.insert) shared.insert(change.index, change.insert);
    }, origin.current);
  };

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    ref,
    onInput,
    readOnly: readOnly || !shared,
    defaultValue: shared ? undefined : typeof text === "string" ? text : "",
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
  };
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
