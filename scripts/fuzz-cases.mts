// Seeded malformed requests for `npm run test:fuzz`: the same seed gives the same requests, so a
// finding can be replayed with `--case N`.
import type { RouteInfo } from "./fuzz-routes.mts";

/** mulberry32: a small seeded PRNG, enough to pick cases reproducibly. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)], chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

export interface FuzzCase {
  index: number;
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** A huge body of this many bytes, allocated only when sent. */
  hugeBytes?: number;
  label: string[];
}

/** What the run knows about the app under test, so cases can be valid-looking where it matters. */
export interface FuzzContext {
  origin: string;
  slugs: string[];
  questionIds: string[];
  cookies: Record<"valid" | "deletedUser" | "expired" | "forged" | "garbage" | "huge" | "none", string>;
}

const SLUGS_BAD = [
  "does-not-exist",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e",
  "a".repeat(3000),
  "한글-장",
  "%00",
  "%ZZ",
  "%3Cscript%3E",
  "x%20y",
  "🙂",
  "0",
  "-",
];
const AUTH_ACTIONS = [
  "session",
  "csrf",
  "providers",
  "signin",
  "signout",
  "callback/credentials",
  "callback/nope",
  "signin/credentials",
  "error",
  "verify-request",
  "x".repeat(2000),
  "session/extra/deep",
  "%E0%A4%A",
  "",
];
const FORWARDED_HOSTS = [
  "a b",
  "[::1",
  "evil.example:99999",
  "%00",
  "ex ample.com, other",
  "::::",
  "a".repeat(300),
  "http://x",
  "host/path",
  "\t",
  "[",
  "localhost:abc",
  "é.example",
  "..",
];
const CONTENT_TYPES = [
  "application/json",
  "text/plain; x=application/json",
  "application/json; charset=latin1",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "application/json, text/plain",
  "APPLICATION/JSON",
  "application/jsonx",
  "text/plain",
  "",
];
const BAD_JSON = [
  "{",
  '{"a":',
  "\u0000",
  "nul",
  "[1,2",
  '{"answers":{}}}',
  "\ufeff{}",
  "{'a':1}",
  "NaN",
  '"unterminated',
  "{}".repeat(1000),
];

function deep(n: number) {
  return "[".repeat(n) + "]".repeat(n);
}

function jsonBodies(route: string, ctx: FuzzContext, r: Rng): [string, string][] {
  const q = ctx.questionIds.length ? r.pick(ctx.questionIds) : "q";
  const common: [string, string][] = [
    ["null", "null"],
    ["array", "[]"],
    ["number", "5"],
    ["string", '"x"'],
    ["deep-nesting", deep(5000)],
    ["proto-keys", '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}'],
    ["huge-number", '{"n":1e400}'],
    ["long-string-70k", JSON.stringify({ s: "가".repeat(24_000) })],
  ];
  if (route.includes("attempts"))
    return [
      ...common,
      ["answers-string", '{"answers":"x"}'],
      ["answers-array", '{"answers":[]}'],
      ["answers-unknown-id", '{"answers":{"nope":"a"}}'],
      ["answer-wrong-type", JSON.stringify({ answers: { [q]: { deep: [1, 2, { x: null }] } } })],
      ["answer-huge-string", JSON.stringify({ answers: { [q]: "x".repeat(60_000) } })],
      ["idempotency-number", '{"answers":{},"idempotencyKey":5}'],
      ["idempotency-long", JSON.stringify({ answers: {}, idempotencyKey: "k".repeat(200) })],
      ["startedAt-bad", '{"answers":{},"startedAt":"yesterday"}'],
      ["answers-null-values", JSON.stringify({ answers: { [q]: null } })],
      ["valid", JSON.stringify({ answers: { [q]: "a" }, idempotencyKey: `fuzz-${Math.floor(r.next() * 1e9)}` })],
    ];
  if (route.startsWith("/api/q/") || route.startsWith("/api/instructor/quizzes"))
    return [
      ...common,
      ["token-missing", '{"answers":{}}'],
      ["token-number", '{"token":5,"answers":{}}'],
      ["token-forged", JSON.stringify({ token: "eyJ2IjoxfQ.AAAA", answers: {} })],
      ["token-huge", JSON.stringify({ token: "t".repeat(20_000), answers: {} })],
      ["quiz-items-empty", '{"title":"퀴즈","items":[]}'],
      ["quiz-rule-huge", '{"title":"퀴즈","items":[{"kind":"draw","count":1000}]}'],
      ["quiz-item-kind", '{"title":"퀴즈","items":[{"kind":"other"}]}'],
      ["quiz-dates-reversed", '{"title":"퀴즈","items":[{"kind":"fixed","questionId":"q"}],"opensAt":"2030-01-02T00:00:00Z","closesAt":"2030-01-01T00:00:00Z"}'],
      ["status-bad", '{"status":"deleted"}'],
    ];
  if (route.includes("signup"))
    return [
      ...common,
      ["name-number", '{"name":5,"email":"a@b.co","password":"longenough1"}'],
      ["email-bad", '{"name":"x","email":"x","password":"longenough1"}'],
      ["password-huge", JSON.stringify({ name: "x", email: "a@b.co", password: "p".repeat(100_000) })],
      ["fields-missing", "{}"],
      ["email-unicode", JSON.stringify({ name: "x", email: "한글@例え.jp", password: "longenough1" })],
    ];
  if (route.includes("progress"))
    return [
      ...common,
      ["chapter-number", '{"chapter":5}'],
      ["chapter-long", JSON.stringify({ chapter: "x".repeat(1000) })],
      ["chapter-unknown", '{"chapter":"nope"}'],
      ["chapter-missing", "{}"],
    ];
  if (route.includes("grading"))
    return [
      ...common,
      ["score-string", '{"target":"log","id":"x","score":"1"}'],
      ["score-over", '{"target":"response","id":"x","score":2}'],
      ["score-nan-like", '{"target":"log","id":"x","score":1e400}'],
      ["target-unknown", '{"target":"attempt","id":"x","score":1}'],
      ["comment-huge", JSON.stringify({ target: "log", id: "x", score: 1, comment: "가".repeat(5000) })],
      ["extra-key", '{"target":"log","id":"x","score":1,"graderId":"me"}'],
      ["valid-unknown-id", '{"target":"log","id":"no-such-answer","score":0.5,"comment":"좋아요"}'],
    ];
  return [...common, ["form-in-json", '{"csrfToken":"x","email":"a@b.co","password":"x"}']];
}

function fillPattern(pattern: string, ctx: FuzzContext, r: Rng, label: string[]): string {
  return pattern
    .split("/")
    .map((seg) => {
      if (seg.startsWith("[...")) {
        const a = r.pick(AUTH_ACTIONS);
        label.push(`action=${a.slice(0, 20)}`);
        return a;
      }
      if (seg.startsWith("[")) {
        const s = r.chance(0.4) ? r.pick(ctx.slugs) : r.pick(SLUGS_BAD);
        label.push(`${seg}=${s.slice(0, 20)}`);
        return s;
      }
      return seg;
    })
    .join("/");
}

/** The `count` cases of a seeded run, spread over every route (and a few that do not exist). */
export function makeCases(routes: RouteInfo[], ctx: FuzzContext, seed: number, count: number): FuzzCase[] {
  const r = rng(seed);
  const targets = [...routes, { pattern: "/api/nope", kind: "route", methods: ["GET", "POST"], file: "" } as RouteInfo];
  const cases: FuzzCase[] = [];
  for (let index = 0; index < count; index++) {
    const route = targets[index % targets.length];
    const label: string[] = [];
    let path = fillPattern(route.pattern, ctx, r, label);
    if (r.chance(0.2)) {
      const q = r.pick([
        "?callbackUrl=//evil.example",
        "?error=%%%",
        `?x=${"q".repeat(6000)}`,
        "?_rsc=1",
        "?callbackUrl=javascript:alert(1)",
        "?a=1&a=2&a[]=3",
      ]);
      path += q;
      label.push(`query=${q.slice(0, 24)}`);
    }
    const method = r.chance(0.85) ? r.pick(route.methods) : r.pick(["PUT", "DELETE", "PATCH", "OPTIONS", "POST", "GET", "HEAD"]);
    const headers: Record<string, string> = {};
    const cookieKind = r.pick(Object.keys(ctx.cookies) as (keyof FuzzContext["cookies"])[]);
    if (ctx.cookies[cookieKind]) headers.cookie = ctx.cookies[cookieKind];
    label.push(`cookie=${cookieKind}`);
    if (r.chance(0.3)) {
      headers["x-forwarded-host"] = r.pick(FORWARDED_HOSTS);
      label.push(`xfh=${JSON.stringify(headers["x-forwarded-host"].slice(0, 20))}`);
    }
    if (r.chance(0.1)) headers["x-forwarded-proto"] = r.pick(["gopher", "https, http", "ht tp", ""]);
    headers.origin = r.chance(0.7) ? ctx.origin : r.pick(["null", "http://evil.example", "not a url", ""]);
    if (headers.origin !== ctx.origin) label.push(`origin=${headers.origin || "(empty)"}`);
    if (r.chance(0.1)) headers["sec-fetch-site"] = r.pick(["cross-site", "same-origin", "garbage"]);
    if (r.chance(0.05)) headers["user-agent"] = "u".repeat(6000);
    if (r.chance(0.05)) headers.accept = "*/*;q=abc, text/html;;";
    let body: Buffer | undefined;
    let hugeBytes: number | undefined;
    if (method !== "GET" && method !== "HEAD") {
      const ct = r.chance(0.6) ? "application/json" : r.pick(CONTENT_TYPES);
      if (ct) headers["content-type"] = ct;
      label.push(`ct=${ct || "(none)"}`);
      const kind = r.next();
      if (kind < 0.5) {
        const [name, text] = r.pick(jsonBodies(route.pattern, ctx, r));
        body = Buffer.from(text);
        label.push(`body=${name}`);
      } else if (kind < 0.75) {
        body = Buffer.from(r.pick(BAD_JSON));
        label.push("body=bad-json");
      } else if (kind < 0.85) {
        body = Buffer.from(
          new URLSearchParams({ csrfToken: "forged", email: "a@b.co", password: "x".repeat(r.pick([1, 300, 50_000])) }).toString(),
        );
        label.push("body=form");
      } else if (kind < 0.97) {
        body = Buffer.from(Array.from({ length: 64 }, () => Math.floor(r.next() * 256)));
        label.push("body=random-bytes");
      } else {
        const mb = r.pick([0.07, 1, 8]);
        hugeBytes = Math.floor(mb * 1024 * 1024);
        label.push(`body=${mb}MB`);
      }
    }
    // Raw Hangul, emoji or spaces cannot go on the request line; a browser would percent-encode them.
    path = path.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
    cases.push({ index, route: route.pattern, method, path, headers, body, hugeBytes, label });
  }
  return cases;
}
