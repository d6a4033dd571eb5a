import Link from "@tiptap/extension-link";
import { normalizeLinkInput, safeHref } from "./safe-link";

/** Links open in a new tab that cannot reach back to this page, and pass on no ranking. */
export const LINK_REL = "noopener noreferrer nofollow";

/**
 * Tiptap's Link mark with one rule on every path: only http(s) and mailto become hrefs.
 *
 * - Typed in the link form, autolinked, pasted as text or HTML: `isAllowedUri` (used by
 *   setLink/toggleLink, the autolinker, paste rules and parseHTML) refuses anything else, and a
 *   pasted `<a href>` is normalised on the way in.
 * - Received through Yjs: y-prosemirror rebuilds marks from the Y.Doc without any of those
 *   checks, so rendering is the last gate. @tiptap/extension-link 3.31.3's own renderHTML
 *   answers a refused href with `href: ""` — still a clickable link to the page itself — and
 *   renders `target`/`rel`/`class` exactly as another client set them. This renderHTML emits an
 *   href only when `safeHref` accepts it (a plain `<a>` without href is neither focusable nor
 *   clickable) and always sets its own `target` and `rel`.
 * - Not inclusive: text typed right after a link is plain text. Tiptap makes the mark
 *   inclusive when autolink is on; people then found the rest of their sentence inside the
 *   link. Autolinking does not need it: it marks a typed address when the word ends.
 * - openOnClick is off: the plugin would call `window.open(href, "_blank")`, which, unlike a
 *   rel="noopener" anchor, hands the new page `window.opener`. Readers (not editable) follow
 *   links as ordinary anchors.
 */
export const SafeLink = Link.extend({
  inclusive() {
    return false;
  },

  addAttributes() {
    return {
      ...this.parent?.(),
      href: {
        default: null,
        parseHTML: (element: HTMLElement) => normalizeLinkInput(element.getAttribute("href") ?? ""),
      },
    };
  },

  renderHTML({ mark }) {
    const href = safeHref(mark.attrs.href);
    const title = typeof mark.attrs.title === "string" && mark.attrs.title ? { title: mark.attrs.title } : {};
    if (!href) return ["a", { class: "link-inert", ...title }, 0];
    return ["a", { href, target: "_blank", rel: LINK_REL, ...title }, 0];
  },
}).configure({
  autolink: true,
  linkOnPaste: true,
  openOnClick: false,
  defaultProtocol: "https",
  HTMLAttributes: { target: "_blank", rel: LINK_REL, class: null },
  isAllowedUri: (url) => normalizeLinkInput(url) !== null,
});
