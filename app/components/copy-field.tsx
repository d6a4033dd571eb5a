import { useState } from "react";
import { useT } from "~/i18n/use-translation";

/** A read-only value with a copy button; the text stays selectable when the clipboard is refused. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="field copy-field">
      <label htmlFor="copy-value">{label}</label>
      <div className="inline-form">
        <input id="copy-value" type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {t("copy.button")}
        </button>
      </div>
      <p aria-live="polite" className="field-hint">
        {copied ? t("copy.done") : ""}
      </p>
    </div>
  );
}
