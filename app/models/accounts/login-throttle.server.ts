import { setTimeout as sleep } from "node:timers/promises";
import { attemptsMade, countAttempt, forgetAttempts, giveBack } from "../core/rate-limit.server";
import { normalizeEmail } from "./user.server";

/**
 * The throttle around a login (decision 015). Three counts, each taken before the password is
 * checked so that parallel guesses cannot slip through while the first ones hash:
 * - the address, whatever the email (`loginByAddress`): past FREE_FAILURES, each answer waits
 *   longer, then the address is refused until its hour is over;
 * - the account from this address (`loginByAddressAndEmail`, also used by the password change);
 * - the account from every address (`loginByEmail`).
 * A fourth, `loginTriesByAddressAndEmail`, only remembers what to give back on success.
 * Unknown emails are counted like existing ones: no answer tells them apart.
 */

/** Failures an address makes at full speed before its answers slow down. */
export const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 4_000;

/** How long to hold an attempt that follows `failures` failures from its address: 0, then 250 ms doubling up to 4 s. */
export function delayAfterFailures(failures: number): number {
  const over = failures - FREE_FAILURES;
  return over <= 0 ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (over - 1));
}

export type LoginAttempt = { address: string; email: string };
export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number; by: "address" | "account" };

const keys = ({ address, email }: LoginAttempt) => {
  const account = normalizeEmail(email);
  return { address, account, addressAndAccount: `${address}|${account}` };
};

/**
 * Counts the attempt, then waits as long as its address has earned (a timer: the event loop
 * keeps serving everyone else). A refused attempt gives back what it counted, since no
 * password was tried.
 */
export async function beginLoginAttempt(attempt: LoginAttempt): Promise<LoginGate> {
  const key = keys(attempt);
  const byAddress = await countAttempt("loginByAddress", key.address);
  if (byAddress.wait > 0) return { allowed: false, retryAfterSeconds: byAddress.wait, by: "address" };
  const [here, anywhere] = [
    await countAttempt("loginByAddressAndEmail", key.addressAndAccount),
    await countAttempt("loginByEmail", key.account),
  ];
  if (here.wait > 0 || anywhere.wait > 0) {
    await giveBack("loginByAddress", key.address);
    if (here.wait === 0) await giveBack("loginByAddressAndEmail", key.addressAndAccount);
    if (anywhere.wait === 0) await giveBack("loginByEmail", key.account);
    return { allowed: false, retryAfterSeconds: Math.max(here.wait, anywhere.wait), by: "account" };
  }
  await countAttempt("loginTriesByAddressAndEmail", key.addressAndAccount);
  const delay = delayAfterFailures(byAddress.made - 1);
  if (delay > 0) await sleep(delay);
  return { allowed: true };
}

/**
 * The password was right: this attempt, and the failures this address made on this very
 * account (typos before getting it right), stop counting against the address. Failures on
 * other accounts stay: logging into one's own account does not buy more guesses on others.
 */
export async function loginSucceeded(attempt: LoginAttempt): Promise<void> {
  const key = keys(attempt);
  const triedHere = await attemptsMade("loginTriesByAddressAndEmail", key.addressAndAccount);
  await giveBack("loginByAddress", key.address, Math.max(1, triedHere));
  await forgetAttempts("loginTriesByAddressAndEmail", key.addressAndAccount);
  await forgetAttempts("loginByAddressAndEmail", key.addressAndAccount);
  await giveBack("loginByEmail", key.account);
}
