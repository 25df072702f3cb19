import type { LimitSpec } from "./rate-limit";

/** Every rate limit of the product in one place (scaled by RATE_LIMIT_SCALE). See ADR 0005. */
export const LIMITS = {
  /** Failed sign-ins per account: 5 per 15 minutes, then wait. */
  signInPerAccount: { name: "signin_account", points: 5, durationSeconds: 15 * 60 },
  /** Failed sign-ins per address: 20 per 15 minutes (a class behind one NAT still fits). */
  signInPerAddress: { name: "signin_address", points: 20, durationSeconds: 15 * 60 },
  /** Sign-up attempts per e-mail: 3 per hour (probing one address for an account). */
  signUpPerAccount: { name: "signup_account", points: 3, durationSeconds: 60 * 60 },
  /** Sign-up attempts per address: 20 per hour (probing many addresses, or mass sign-up). */
  signUpPerAddress: { name: "signup_address", points: 20, durationSeconds: 60 * 60 },
  /** Anonymous quiz submissions per address: 60 per minute (each stores an attempt). */
  anonymousAttemptsPerAddress: { name: "attempt_anon_address", points: 60, durationSeconds: 60 },
  /** Problem reports ("문제 신고") per user: 20 per hour (each stores a row the instructors read). */
  problemReportsPerUser: { name: "report_user", points: 20, durationSeconds: 60 * 60 },
} satisfies Record<string, LimitSpec>;
