import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { LIMITS } from "../core/limits";

/**
 * Password rules per OWASP ASVS level 1 (v4.0.3 §2.1): at least 8 characters, long
 * passphrases and any Unicode accepted, never truncated, no composition rules, and no
 * password from a list of the most common ones (49k entries, English and French).
 */

const commonPasswords = new Set(dictionary["passwords-common"] as string[]);

/** The same password typed on two keyboards may arrive in two Unicode forms. */
export function normalizePassword(password: string): string {
  return password.normalize("NFC");
}

export type PasswordProblem = "too_short" | "too_long" | "too_common";

export function checkPasswordRules(password: string): PasswordProblem | null {
  const length = [...normalizePassword(password)].length;
  if (length < LIMITS.passwordMin) return "too_short";
  if (length > LIMITS.passwordMax) return "too_long";
  if (commonPasswords.has(password.toLowerCase())) return "too_common";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to Argon2id, m=19 MiB, t=2, p=1 (OWASP's first recommended set).
  return hash(normalizePassword(password));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalizePassword(password));
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so both answers take the same time.
let decoyHash: Promise<string> | undefined;
export async function spendDecoyVerification(password: string): Promise<void> {
  decoyHash ??= hash("decoy-password-for-unknown-accounts");
  await verifyPassword(await decoyHash, password);
}
