/** The result table: one row per figure, stock and ours side by side, the ratio, the target and PASS/MISS. */

export type Target = { kind: "ratio"; max: number } | { kind: "absolute"; max: number; unit: string } | null;

export type Row = {
  measure: string;
  unit: string;
  stock: number | null;
  ours: number | null;
  target: Target;
  /** Shown instead of a result when the figure could not be taken. */
  status?: "pending" | "error";
  digits?: number;
};

const COLUMNS = [46, 11, 11, 11, 10, 8] as const;

function cell(text: string, width: number, left = false): string {
  return left ? text.padEnd(width) : text.padStart(width);
}

function number(value: number | null, unit: string, digits: number): string {
  return value === null || Number.isNaN(value) ? "—" : `${value.toFixed(digits)} ${unit}`;
}

function verdict(row: Row): { ratio: string; target: string; result: string } {
  if (row.status) return { ratio: "", target: targetText(row.target), result: row.status.toUpperCase() };
  const ratio = row.stock && row.ours !== null ? row.ours / row.stock : null;
  const ratioText = ratio === null ? "" : `${ratio.toFixed(2)}×`;
  if (!row.target) return { ratio: ratioText, target: "(info)", result: "" };
  const value = row.target.kind === "ratio" ? ratio : row.ours;
  const result = value === null || Number.isNaN(value) ? "—" : value <= row.target.max ? "PASS" : "MISS";
  return { ratio: ratioText, target: targetText(row.target), result };
}

function targetText(target: Target): string {
  if (!target) return "(info)";
  return target.kind === "ratio" ? `≤ ${target.max.toFixed(1)}×` : `≤ ${target.max} ${target.unit}`;
}

export function formatTable(rows: Row[]): string {
  const header = [
    cell("Measure", COLUMNS[0], true),
    cell("stock", COLUMNS[1]),
    cell("ours", COLUMNS[2]),
    cell("ours/stock", COLUMNS[3]),
    cell("target", COLUMNS[4]),
    cell("result", COLUMNS[5]),
  ].join(" ");
  const lines = [header, "-".repeat(header.length)];
  for (const row of rows) {
    const digits = row.digits ?? 2;
    const { ratio, target, result } = verdict(row);
    lines.push(
      [
        cell(row.measure, COLUMNS[0], true),
        cell(number(row.stock, row.unit, digits), COLUMNS[1]),
        cell(number(row.ours, row.unit, digits), COLUMNS[2]),
        cell(ratio, COLUMNS[3]),
        cell(target, COLUMNS[4]),
        cell(result, COLUMNS[5]),
      ].join(" "),
    );
  }
  return lines.join("\n");
}
