import { ZodError } from "zod";

/** An error a route or action may throw on purpose: status, Korean message, optional headers. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly options: { code?: string; headers?: Record<string, string>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** The JSON error body every route returns: `{ error, code?, retryAfter? }`. */
export interface ErrorBody {
  error: string;
  code?: string;
  retryAfter?: number;
}

/** A Korean JSON error response; never cached. */
export function errorResponse(status: number, body: ErrorBody, headers: Record<string, string> = {}): Response {
  const h: Record<string, string> = { "cache-control": "no-store", ...headers };
  if (body.retryAfter !== undefined) h["retry-after"] = String(body.retryAfter);
  return Response.json(body, { status, headers: h });
}

/**
 * The first zod issue as a Korean sentence for a form to show. Schemas carry Korean messages; the two
 * issues zod words itself (an unknown field of a strict object, a field of the wrong kind without a
 * message of its own) are put in Korean here.
 */
export function firstIssue(error: { issues: { message: string; code?: string; keys?: string[]; path?: PropertyKey[] }[] }): string {
  const issue = error.issues[0];
  if (!issue) return "입력값이 올바르지 않습니다.";
  if (issue.code === "unrecognized_keys") return `알 수 없는 필드입니다: ${(issue.keys ?? []).join(", ")}`;
  if (!/[^\u0020-\u007e]/.test(issue.message)) {
    const where = issue.path?.length ? `${issue.path.map(String).join(".")}: ` : "";
    return `${where}입력값의 형식이 올바르지 않습니다.`;
  }
  return issue.message;
}

// Prisma error codes that mean "the database is unreachable or busy for a moment": retry later.
const RETRYABLE_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2034"]);
// Driver-level codes: Node sockets (a Unix socket missing while PostgreSQL restarts is "connect ENOENT"),
// PostgreSQL admin shutdown / cannot connect, SQLite busy.
const RETRYABLE_DRIVER = /ECONNREFUSED|connect ENOENT|ECONNRESET|ETIMEDOUT|EPIPE|57P0[123]|08000|08001|08003|08006|SQLITE_BUSY|SQLITE_LOCKED|database is locked|Connection terminated|connection is closed|too many clients|Can't reach database/i;

/** True when an error is a momentary database or connection failure worth retrying. */
export function isRetryable(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (typeof cur !== "object") break;
    const o = cur as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
    if (typeof o.code === "string" && (RETRYABLE_PRISMA.has(o.code) || RETRYABLE_DRIVER.test(o.code))) return true;
    if (typeof o.kind === "string" && /Socket|Connection|Timeout|Busy/i.test(o.kind)) return true;
    if (typeof o.message === "string" && RETRYABLE_DRIVER.test(o.message)) return true;
    cur = o.cause;
  }
  return false;
}

const prismaCode = (e: unknown) =>
  typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string" ? (e as { code: string }).code : undefined;

/** True for Prisma's unique-constraint violation, whichever adapter raised it. */
export const isUniqueViolation = (e: unknown) => prismaCode(e) === "P2002";

/**
 * Maps any thrown value to a Korean JSON response: deliberate HttpErrors keep their status, zod and
 * JSON syntax errors are 400, Prisma's constraint errors 409/404, connection failures 503 with
 * Retry-After; anything else is logged and answered with a JSON 500 (never an empty body).
 */
export function toErrorResponse(e: unknown): Response {
  if (e instanceof HttpError) {
    const { code, headers, retryAfterSeconds } = e.options;
    return errorResponse(e.status, { error: e.message, code, retryAfter: retryAfterSeconds }, headers);
  }
  if (e instanceof ZodError) return errorResponse(400, { error: firstIssue(e), code: "invalid" });
  if (e instanceof SyntaxError) return errorResponse(400, { error: "요청 본문이 올바른 JSON이 아닙니다.", code: "bad_json" });
  switch (prismaCode(e)) {
    case "P2002":
      return errorResponse(409, { error: "이미 같은 값이 저장되어 있습니다.", code: "conflict" });
    case "P2003":
      return errorResponse(409, { error: "연결된 데이터가 없어 저장하지 못했습니다. 다시 로그인해 주세요.", code: "missing_reference" });
    case "P2025":
      return errorResponse(404, { error: "찾는 데이터가 없습니다.", code: "not_found" });
  }
  if (isRetryable(e))
    return errorResponse(503, { error: "데이터베이스에 잠시 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.", code: "unavailable", retryAfter: 2 });
  console.error("[server] unexpected error", e);
  return errorResponse(500, { error: "서버에서 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.", code: "internal" });
}
