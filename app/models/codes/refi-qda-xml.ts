/**
 * Writing XML by hand, safely: every value that reaches a REFI-QDA file goes through these.
 * Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped:
 * a parser would refuse the whole file for one of them.
 */

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR =
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text between tags. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML_CHAR, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll("\r", "&#13;");
}

/** An attribute's value (in double quotes): line breaks and tabs kept as references, else a parser turns them into spaces. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replaceAll('"', "&quot;").replaceAll("\n", "&#10;").replaceAll("\t", "&#9;");
}

/** ` name="value"` for each defined attribute, in order. */
export function xmlAttributes(attributes: Record<string, string | number | boolean | null | undefined>): string {
  let out = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${xmlAttribute(String(value))}"`;
  }
  return out;
}
