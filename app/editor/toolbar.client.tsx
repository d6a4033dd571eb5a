import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useRef, useState, type KeyboardEvent } from "react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-translation";

type ToolId = "bold" | "italic" | "heading2" | "heading3" | "bulletList" | "orderedList" | "blockquote" | "link";

type Tool = { id: ToolId; label: MessageKey; isActive: (editor: Editor) => boolean; run?: (editor: Editor) => void };

const TOOLS: Tool[] = [
  {
    id: "bold",
    label: "editor.bold",
    isActive: (e) => e.isActive("bold"),
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    id: "italic",
    label: "editor.italic",
    isActive: (e) => e.isActive("italic"),
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    id: "heading2",
    label: "editor.heading2",
    isActive: (e) => e.isActive("heading", { level: 2 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    id: "heading3",
    label: "editor.heading3",
    isActive: (e) => e.isActive("heading", { level: 3 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    id: "bulletList",
    label: "editor.bulletList",
    isActive: (e) => e.isActive("bulletList"),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    id: "orderedList",
    label: "editor.orderedList",
    isActive: (e) => e.isActive("orderedList"),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    id: "blockquote",
    label: "editor.blockquote",
    isActive: (e) => e.isActive("blockquote"),
    run: (e) => e.chain().focus().toggleBlockquote().run(),
  },
  // Opens the link form instead of running a command.
  { id: "link", label: "editor.link", isActive: (e) => e.isActive("link") },
];

/** A button that opens something (the code picker, the cite dialog) rather than toggling a format. */
export type ToolbarAction = {
  id: string;
  label: string;
  /** Shown on hover; says the keyboard shortcut when there is one. */
  title?: string;
  /** For aria-keyshortcuts ("Control+Alt+K"). */
  shortcut?: string;
  disabled?: boolean;
  expanded?: boolean;
  /** False for a button that opens no dialog (e.g. "Commenter", which moves to the threads panel). */
  opensDialog?: boolean;
  onClick: () => void;
};

/**
 * The formatting toolbar (WAI-ARIA APG toolbar pattern): one Tab stop, arrow keys, Home and
 * End move between buttons; each button says whether its format applies (aria-pressed).
 * Visible text labels rather than icons, so the visible label is the accessible name (WCAG 2.5.3).
 */
export function Toolbar({
  editor,
  linkFormId,
  linkFormOpen,
  onLinkButton,
  actions = [],
  formatting = true,
  label,
}: {
  editor: Editor;
  linkFormId: string;
  linkFormOpen: boolean;
  onLinkButton: () => void;
  actions?: ToolbarAction[];
  /** False for a read-only text: only the actions (e.g. "Commenter"), no formatting buttons. */
  formatting?: boolean;
  /** The toolbar's name when it is not the formatting one ("Mise en forme"). */
  label?: string;
}) {
  const t = useT();
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const tools = formatting ? TOOLS : [];
  const pressed = useEditorState({
    editor,
    selector: ({ editor: current }) => tools.map((tool) => (current ? tool.isActive(current) : false)),
  });

  const total = tools.length + actions.length;
  const moveFocus = (index: number) => {
    const next = (index + total) % total;
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: focusIndex + 1,
      ArrowLeft: focusIndex - 1,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveFocus(target);
  };

  return (
    <div role="toolbar" aria-label={label ?? t("editor.toolbar")} className="editor-toolbar" onKeyDown={onKeyDown}>
      {tools.map((tool, index) => (
        <button
          key={tool.id}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          className={`editor-tool editor-tool--${tool.id}`}
          tabIndex={index === focusIndex ? 0 : -1}
          aria-pressed={pressed?.[index] ?? false}
          aria-controls={tool.id === "link" && linkFormOpen ? linkFormId : undefined}
          aria-expanded={tool.id === "link" ? linkFormOpen : undefined}
          onFocus={() => setFocusIndex(index)}
          // Keep the text selection in the editor when the button is clicked with a mouse.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => (tool.run ? tool.run(editor) : onLinkButton())}
        >
          {t(tool.label)}
        </button>
      ))}
      {actions.map((action, i) => {
        const index = tools.length + i;
        return (
          <button
            key={action.id}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className={`editor-tool editor-tool--${action.id}`}
            tabIndex={index === focusIndex ? 0 : -1}
            title={action.title}
            aria-keyshortcuts={action.shortcut}
            aria-haspopup={action.opensDialog === false ? undefined : "dialog"}
            aria-expanded={action.expanded}
            // Focusable while unavailable, so that the arrow keys still reach it (APG toolbar).
            aria-disabled={action.disabled || undefined}
            onFocus={() => setFocusIndex(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => (action.disabled ? undefined : action.onClick())}
          >
            {action.label}
          </button>
        );
      })}
    </div>
  );
}
