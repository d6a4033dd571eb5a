import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Throttles for guessing and account-creation floods, counted per client address.
 * In memory: one process holds them (ARCHITECTURE.md "Growing past one machine" swaps in
 * rate-limiter-flexible's Redis store when there are several).
 */
const limiters = {
  /** Failed logins from one address, whatever the email. */
  loginByAddress: new RateLimiterMemory({ keyPrefix: "login-ip", points: 20, duration: 15 * 60 }),
  /** Failed logins (or password checks) for one account from one address. */
  loginByAddressAndEmail: new RateLimiterMemory({ keyPrefix: "login-ip-email", points: 5, duration: 15 * 60 }),
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
  try {
    await limiters[name].consume(key, 1);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

/** The attempt succeeded: it no longer counts against the caller. */
export async function giveBack(name: LimiterName, key: string): Promise<void> {
  await limiters[name].reward(key, 1);
}

export async function forgetAttempts(name: LimiterName, key: string): Promise<void> {
  await limiters[name].delete(key);
}
