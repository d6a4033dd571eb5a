import { useEffect, useId, useState } from "react";
import { useT } from "~/i18n/use-translation";

/** A read-only value with a copy button; the text stays selectable when the clipboard is refused. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const t = useT();
  const id = useId();
  const [copies, setCopies] = useState(0);
  // Clear the confirmation after a moment so that the next copy is announced again.
  useEffect(() => {
    if (copies === 0) return;
    const timer = setTimeout(() => setCopies(0), 3000);
    return () => clearTimeout(timer);
  }, [copies]);
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="inline-form">
        <input id={id} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setCopies((n) => n + 1);
            } catch {
              setCopies(0);
            }
          }}
        >
          {t("copy.button")}
        </button>
      </div>
      <p role="status" className="field-hint">
        {copies > 0 ? t("copy.done") : ""}
      </p>
    </div>
  );
}
