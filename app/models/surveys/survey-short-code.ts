/**
 * The short address of a survey's public link, made to be typed from a poster on a phone
 * (issue 13, point 2): `/s/K7M2-9QXD` instead of 43 random characters mixing `I` and `l`.
 *
 * Crockford's base32 alphabet: digits and capitals without I, L, O and U, so that nothing
 * looks like something else. Eight characters (32^8 ≈ 10^12 codes) are shown as two groups of
 * four; reading is forgiving the way Crockford intends: any case, dashes and spaces ignored,
 * I and L read as 1, O as 0. Pure, so that the poster, the routes and the tests share it.
 */
export const SHORT_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SHORT_CODE_LENGTH = 8;

/** "K7M29QXD" → "K7M2-9QXD": 9 characters after `/s/`. */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a person typed, as the stored code ("k7m2 9qxd", "K7M2-9QXD", "K7M2-9QXO" all read
 * "K7M29QXD" for the last one's O → 0), or null when it cannot be a short code (a long token,
 * a typo with a U, the wrong length).
 */
export function readShortCode(typed: string): string | null {
  if (typed.length > 16) return null;
  const folded = typed.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (folded.length !== SHORT_CODE_LENGTH) return null;
  for (const char of folded) if (!SHORT_CODE_ALPHABET.includes(char)) return null;
  return folded;
}
