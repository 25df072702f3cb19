/** A JSON error body `{ error }` with a Korean message and a 4xx/5xx status. */
export function jsonError(status: number, message: string, extra?: Record<string, unknown>): Response {
  return Response.json({ error: message, ...extra }, { status, headers: { "cache-control": "no-store" } });
}

/** Reads a JSON request body without throwing; `ok: false` carries a ready 4xx response. */
export async function readJson(
  req: Request,
  maxBytes = 64 * 1024,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/json"))
    return { ok: false, response: jsonError(415, "요청 본문은 JSON(application/json)이어야 합니다.") };
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, response: jsonError(413, "요청 본문이 너무 큽니다.") };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, "요청 본문이 올바른 JSON이 아닙니다.") };
  }
}

/** The first zod issue as a Korean sentence for a form to show. */
export function firstIssue(error: { issues: { message: string }[] }): string {
  return error.issues[0]?.message ?? "입력값이 올바르지 않습니다.";
}
