/** The wait before attempt n+1: 30 s doubling, at most an hour, with ±20 % jitter. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
