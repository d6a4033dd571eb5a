/**
 * Which link targets may become an `href`: absolute http(s) and mailto, nothing else.
 * Shared by every path a link takes into the editor (typed in the link form, autolinked,
 * pasted, received through Yjs from another client) and by the mark's rendering, which is the
 * last gate: a mark created directly in the Y.Doc never went through the first ones.
 */

const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
/** Longer than any link a person types; bounds the work done on hostile input. */
const MAX_HREF_LENGTH = 2048;
/**
 * Control characters, whitespace and invisible format characters. URL parsers drop tabs and
 * newlines anywhere (`java\tscript:` is `javascript:`) and strip leading controls, so what
 * a person reads would differ from what the browser follows: such a string is never a link.
 */
const INVISIBLE_OR_SPACE =
  /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;

/**
 * The normalised href if `raw` is an absolute http(s) or mailto URL, else null. The returned
 * string is what was validated (`URL.href`), so the browser follows exactly that.
 */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_HREF_LENGTH) return null;
  if (INVISIBLE_OR_SPACE.test(raw)) return null;
  // Checked on the raw text as well as after parsing: entities (`javascript&colon;`), relative
  // and protocol-relative URLs all fail here before the parser can reinterpret them.
  if (!/^(?:https?:\/\/|mailto:)/i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== "mailto:" && !url.hostname) return null;
  return url.href;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[a-z]{2,}$/i;
const BARE_DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#:]|$)/i;

/**
 * What a person typed in the link form (or what the autolinker found), as a safe href:
 * `exemple.fr/page` becomes `https://exemple.fr/page`, `nom@exemple.fr` becomes a mailto link,
 * anything with another scheme (`javascript:`, `data:`, `vbscript:`, `ftp:`) is refused.
 */
export function normalizeLinkInput(input: string): string | null {
  const text = input.trim();
  if (HAS_SCHEME.test(text)) return safeHref(text);
  if (EMAIL.test(text)) return safeHref(`mailto:${text}`);
  if (BARE_DOMAIN.test(text)) return safeHref(`https://${text}`);
  return null;
}
