import { strFromU8, unzipSync } from "fflate";

/**
 * A second, independent reader for the XLSX export: fflate unzips, and the sheet's XML is
 * read here with a few regular expressions (SpreadsheetML, ECMA-376 part 1 §18.3), so that a
 * bug in the writer cannot hide behind the same library reading its own output.
 */
export type ReadCell = {
  ref: string;
  type: "number" | "date" | "text" | "empty";
  value: string | number;
  format?: string;
};

const unescape = (text: string) =>
  text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");

/** Built-in number formats that are dates (§18.8.30), besides custom ones with y/m/d/h. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

export function readXlsx(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const text = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`${name} missing from the workbook`);
    return strFromU8(file);
  };
  const workbook = text("xl/workbook.xml");
  const sheetName = unescape(/<sheet [^>]*name="([^"]*)"/.exec(workbook)?.[1] ?? "");
  const sheet = text("xl/worksheets/sheet1.xml");
  const styles = text("xl/styles.xml");

  const customFormats = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt [^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)) {
    customFormats.set(Number(m[1]), unescape(m[2]!));
  }
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const styleFormats = [...cellXfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  const formatOf = (style: number) => {
    const id = styleFormats[style] ?? 0;
    return { id, code: customFormats.get(id) };
  };

  const cells = new Map<string, ReadCell>();
  for (const m of sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, ref, attributes, body = ""] = m as unknown as [string, string, string, string | undefined];
    const type = /\bt="(\w+)"/.exec(attributes)?.[1];
    const style = Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? 0);
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
    if (type === "s") throw new Error("shared strings are not expected (the writer streams inline strings)");
    if (type === "str" || type === "inlineStr") {
      cells.set(ref!, { ref: ref!, type: "text", value: unescape(v ?? inline ?? "") });
    } else if (v === undefined) {
      cells.set(ref!, { ref: ref!, type: "empty", value: "" });
    } else {
      const format = formatOf(style);
      const isDate =
        BUILT_IN_DATES.has(format.id) || (!!format.code && /[ymdh]/i.test(format.code.replace(/"[^"]*"/g, "")));
      cells.set(ref!, { ref: ref!, type: isDate ? "date" : "number", value: Number(v), format: format.code });
    }
  }
  const pane = /<pane ([^>]*)\/>/.exec(sheet)?.[1] ?? "";
  return {
    sheetName,
    cells,
    frozenRows: /state="frozen"/.test(pane) ? Number(/ySplit="(\d+)"/.exec(pane)?.[1] ?? 0) : 0,
    /** A spreadsheet serial date (days since 1899-12-30, 1900 system) as the wall-clock ISO text it shows. */
    dateText: (serial: number) => new Date(Math.round((serial - 25569) * 86400) * 1000).toISOString().slice(0, 19),
  };
}
