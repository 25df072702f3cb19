import { getEnv } from "../env";
import { HttpError } from "./errors";

// A host is a DNS name or IPv4 (letters, digits, dots, hyphens) or a bracketed IPv6, with an optional port.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

const validHost = (raw: string | null | undefined): string | null => {
  const v = raw?.split(",")[0]?.trim();
  return v && v.length <= 260 && HOST.test(v) ? v : null;
};

/**
 * The origin users reach us at: `AUTH_URL` when configured, otherwise rebuilt from
 * X-Forwarded-Proto / X-Forwarded-Host / Host. Malformed values are ignored (never thrown),
 * so an odd header cannot turn into a 500.
 */
export function publicOrigin(h: Headers): string {
  const configured = getEnv().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https" ? "https" : "http";
  const host = validHost(h.get("x-forwarded-host")) ?? validHost(h.get("host")) ?? "localhost";
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return `${proto}://localhost`;
  }
}

/** True when sessions must use `Secure` cookies: the public origin is https. */
export const isSecureOrigin = (h: Headers) => publicOrigin(h).startsWith("https:");

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request a browser sent from another site. Browsers send `Origin` (and
 * `Sec-Fetch-Site`) on every POST; a request with neither is not from a browser page, so it cannot
 * carry a victim's cookies by accident and is let through (curl, load tests, server-to-server).
 */
export function assertSameOrigin(method: string, h: Headers): void {
  if (SAFE_METHODS.has(method.toUpperCase())) return;
  const site = h.get("sec-fetch-site");
  const origin = h.get("origin");
  const message = "다른 사이트에서 보낸 요청은 받을 수 없습니다. 이 사이트에서 다시 시도해 주세요.";
  if (site && site !== "same-origin" && site !== "none") throw new HttpError(403, message, { code: "cross_site" });
  if (origin !== null && origin !== publicOrigin(h)) throw new HttpError(403, message, { code: "cross_site" });
}

/**
 * The client's address for rate limiting: the last X-Forwarded-For hop, which is the one our own
 * proxy (or `next start` itself, from the socket) wrote; earlier hops are client-supplied.
 */
export function clientAddress(h: Headers): string {
  const hops = h.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  const last = hops[hops.length - 1];
  return last && last.length <= 64 ? last.replace(/^::ffff:/, "") : "unknown";
}
