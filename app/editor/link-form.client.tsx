import type { Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "~/i18n/use-translation";
import { normalizeLinkInput } from "./safe-link";

/** Adds, changes or removes the link on the selection, or inserts a new linked address. */
function applyLink(editor: Editor, href: string) {
  const chain = editor.chain().focus();
  if (editor.isActive("link")) {
    chain.extendMarkRange("link").setLink({ href }).run();
  } else if (editor.state.selection.empty) {
    // The address as people write it: "nom@exemple.fr", not "mailto:nom@exemple.fr".
    const text = href.replace(/^mailto:/i, "");
    chain.insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href } }] }).run();
  } else {
    chain.setLink({ href }).run();
  }
}

/**
 * The link address field, shown under the toolbar. Not a <form>: the note page may place the
 * editor inside its own form, and forms do not nest. Enter applies, Escape cancels; focus
 * returns to the text either way.
 */
export function LinkForm({ id, editor, onClose }: { id: string; editor: Editor; onClose: () => void }) {
  const t = useT();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const isLink = editor.isActive("link");
  const [value, setValue] = useState(() => (isLink ? String(editor.getAttributes("link").href ?? "") : ""));
  const [invalid, setInvalid] = useState(false);

  useEffect(() => input.current?.focus(), []);

  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = () => {
    const href = normalizeLinkInput(value);
    if (!href) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    applyLink(editor, href);
    onClose();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && event.target === input.current) {
      event.preventDefault();
      apply();
    }
  };

  return (
    <div id={id} className="link-form" onKeyDown={onKeyDown}>
      <label htmlFor={inputId}>{t("editor.link.label")}</label>
      <p id={hintId} className="field-hint">
        {t("editor.link.hint")}
      </p>
      <input
        ref={input}
        id={inputId}
        type="text"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setInvalid(false);
        }}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
      />
      {invalid ? (
        <p id={errorId} className="field-error" role="alert">
          {t("editor.link.invalid")}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button small primary" onClick={apply}>
          {t("editor.link.apply")}
        </button>
        {isLink ? (
          <button type="button" className="button small" onClick={remove}>
            {t("editor.link.remove")}
          </button>
        ) : null}
        <button type="button" className="button small" onClick={close}>
          {t("editor.link.cancel")}
        </button>
      </div>
    </div>
  );
}
