import { describe, expect, test } from "vitest";
import { normalizeLinkInput, safeHref } from "./safe-link";

/** Script-running and look-alike targets collected from OWASP's XSS filter evasion cheat sheet. */
const HOSTILE = [
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  "JAVASCRIPT:alert(1)",
  " javascript:alert(1)",
  "\u0001javascript:alert(1)",
  "\u0000javascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "java\rscript:alert(1)",
  "javascript\u200b:alert(1)",
  "\ufeffjavascript:alert(1)",
  "javascript&colon;alert(1)",
  "javascript&#58;alert(1)",
  "&#106;avascript:alert(1)",
  "&#x6A;avascript:alert(1)",
  "jav&#x09;ascript:alert(1)",
  "%6Aavascript:alert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "DATA:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "VBScript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.org",
  "//evil.example/",
  "/relative/path",
  "#fragment",
  "http:/evil.example",
  "https:javascript:alert(1)",
  "http://javascript:alert(1)",
  "https://",
  "https:// exemple.fr",
  "",
];

describe("safeHref", () => {
  test.each(HOSTILE)("refuses %j", (raw) => {
    expect(safeHref(raw)).toBeNull();
  });

  test("refuses what is not a string, and overlong strings", () => {
    for (const value of [null, undefined, 42, {}, ["https://exemple.fr"]]) expect(safeHref(value)).toBeNull();
    expect(safeHref(`https://exemple.fr/${"a".repeat(3000)}`)).toBeNull();
  });

  test("keeps http, https and mailto, normalised", () => {
    expect(safeHref("https://www.exemple.fr/terrain?x=1#haut")).toBe("https://www.exemple.fr/terrain?x=1#haut");
    expect(safeHref("HTTP://Exemple.FR")).toBe("http://exemple.fr/");
    expect(safeHref("mailto:camille@exemple.fr")).toBe("mailto:camille@exemple.fr");
    expect(safeHref("MAILTO:camille@exemple.fr")).toBe("mailto:camille@exemple.fr");
  });
});

describe("normalizeLinkInput", () => {
  test.each(HOSTILE)("refuses %j", (raw) => {
    expect(normalizeLinkInput(raw)).toBeNull();
  });

  test("completes what people usually type", () => {
    expect(normalizeLinkInput("  https://exemple.fr/a  ")).toBe("https://exemple.fr/a");
    expect(normalizeLinkInput("exemple.fr/marche")).toBe("https://exemple.fr/marche");
    expect(normalizeLinkInput("www.mairie-die.fr")).toBe("https://www.mairie-die.fr/");
    expect(normalizeLinkInput("camille@exemple.fr")).toBe("mailto:camille@exemple.fr");
    expect(normalizeLinkInput("bonjour")).toBeNull();
    expect(normalizeLinkInput("java script:alert(1)")).toBeNull();
  });
});
