/** Numbers as people type them in France ("2,5", "1 000") or in English ("2.5"). */
export function parseBound(value: string): number | null | "invalid" {
  const compact = value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (compact === "") return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(compact)) return "invalid";
  const number = Number(compact);
  return Number.isFinite(number) ? number : "invalid";
}
