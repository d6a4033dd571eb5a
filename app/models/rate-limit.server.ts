import { RateLimiterMemory } from "rate-limiter-flexible";

/**
 * Throttles for guessing and account-creation floods, counted per client address.
 * In memory: one process holds them (ARCHITECTURE.md "Growing past one machine" swaps in
 * rate-limiter-flexible's Redis store when there are several).
 */
const limiters = {
  /** Failed logins from one address, whatever the email. */
  loginByAddress: new RateLimiterMemory({ keyPrefix: "login-ip", points: 20, duration: 15 * 60 }),
  /** Failed logins from one address for one email: stops guessing one account. */
  loginByAddressAndEmail: new RateLimiterMemory({ keyPrefix: "login-ip-email", points: 5, duration: 15 * 60 }),
  /** Sign-up attempts (successful or not) from one address. */
  signupByAddress: new RateLimiterMemory({ keyPrefix: "signup-ip", points: 10, duration: 60 * 60 }),
};

export type LimiterName = keyof typeof limiters;

/** Seconds until the caller may try again, or 0 when they are not blocked. */
export async function blockedFor(name: LimiterName, key: string): Promise<number> {
  const limiter = limiters[name];
  const state = await limiter.get(key);
  if (!state || state.consumedPoints < limiter.points) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

export async function recordAttempt(name: LimiterName, key: string): Promise<void> {
  // penalty() counts without throwing when the budget is spent, unlike consume().
  await limiters[name].penalty(key, 1);
}

export async function forgetAttempts(name: LimiterName, key: string): Promise<void> {
  await limiters[name].delete(key);
}
