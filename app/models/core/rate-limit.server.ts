import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Throttles for guessing and account-creation floods, counted per client address.
 * In memory: one process holds them (docs/ARCHITECTURE.md "Growth path" swaps in
 * rate-limiter-flexible's Redis store when there are several).
 */
const limiters = {
  /**
   * Failed logins from one address, whatever the email: 10 an hour, answered more and more
   * slowly past the third (accounts/login-throttle.server.ts). One address trying one password
   * on many accounts stops after 10 (decision 015); a person who logs in gets back the
   * failures they made on their own account, so a shared office address is not spent by typos.
   */
  loginByAddress: new RateLimiterMemory({ keyPrefix: "login-ip", points: 10, duration: 60 * 60 }),
  /** Failed logins (or password checks) for one account from one address. */
  loginByAddressAndEmail: new RateLimiterMemory({ keyPrefix: "login-ip-email", points: 5, duration: 15 * 60 }),
  /**
   * Bookkeeping, never refuses: login-page attempts on one account from one address within the
   * address's hour, so that logging in gives back exactly the typos made on that account.
   */
  loginTriesByAddressAndEmail: new RateLimiterMemory({
    keyPrefix: "login-tries",
    points: Number.MAX_SAFE_INTEGER,
    duration: 60 * 60,
  }),
  /**
   * Failed logins for one email from all addresses together: guesses spread over many
   * addresses stop too. Counted for unknown emails alike, so a refusal says nothing about
   * whether the account exists. 20 an hour, under OWASP ASVS 2.2.1's 100.
   */
  loginByEmail: new RateLimiterMemory({ keyPrefix: "login-email", points: 20, duration: 60 * 60 }),
  /** Sign-up attempts (successful or not) from one address. */
  signupByAddress: new RateLimiterMemory({ keyPrefix: "signup-ip", points: 10, duration: 60 * 60 }),
  /**
   * Answers stored through public survey links from one address. A public meeting on one
   * wifi, or phones behind a carrier's shared address, answer together: a refused form (a
   * mistake to fix) gives its point back, only stored answers count.
   */
  surveyAnswerByAddress: new RateLimiterMemory({ keyPrefix: "survey-answer-ip", points: 100, duration: 10 * 60 }),
  /** Every post to public survey links from one address, stored or not: a script posting junk stops here. */
  surveyPostByAddress: new RateLimiterMemory({ keyPrefix: "survey-post-ip", points: 300, duration: 10 * 60 }),
};

export type LimiterName = keyof typeof limiters;

/**
 * Counts an attempt *before* the work it guards, so parallel guesses cannot all slip through
 * while the first ones are still hashing. Returns the seconds to wait, or 0 when allowed.
 */
export async function takeAttempt(name: LimiterName, key: string): Promise<number> {
  return (await countAttempt(name, key)).wait;
}

/** takeAttempt that also says how many attempts the key has made in its window, this one included. */
export async function countAttempt(name: LimiterName, key: string): Promise<{ wait: number; made: number }> {
  try {
    const result = await limiters[name].consume(key, 1);
    return { wait: 0, made: result.consumedPoints };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { wait: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), made: rejection.consumedPoints };
  }
}

/** Attempts the key has made in its current window (0 when none). */
export async function attemptsMade(name: LimiterName, key: string): Promise<number> {
  return (await limiters[name].get(key))?.consumedPoints ?? 0;
}

/**
 * The attempts succeeded (or never ran): they no longer count against the caller. Never more
 * than were counted, so that giving back cannot buy a caller extra attempts.
 */
export async function giveBack(name: LimiterName, key: string, points = 1): Promise<void> {
  const counted = Math.min(points, await attemptsMade(name, key));
  if (counted > 0) await limiters[name].reward(key, counted);
}

export async function forgetAttempts(name: LimiterName, key: string): Promise<void> {
  await limiters[name].delete(key);
}
