import { HttpError } from "./errors";

/** The default cap for a JSON request body. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

const tooLarge = (max: number) => new HttpError(413, `요청 본문이 너무 큽니다 (최대 ${Math.round(max / 1024)}KB).`, { code: "too_large" });

/**
 * Parses a Content-Type header into its lower-cased media type and parameters (RFC 9110 §8.3:
 * `type/subtype *( ; name=value )`, values optionally quoted). Returns null when malformed.
 */
export function parseMediaType(header: string | null): { type: string; params: Record<string, string> } | null {
  if (!header) return null;
  const [head, ...rest] = header.split(";");
  const type = head.trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type)) return null;
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq < 0) {
      if (part.trim() === "") continue;
      return null;
    }
    const name = part.slice(0, eq).trim().toLowerCase();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (!name) return null;
    params[name] = value;
  }
  return { type, params };
}

/**
 * Reads a request body as bytes, refusing more than `maxBytes`: a larger Content-Length is rejected
 * before anything is read, and a body without one (chunked) is counted as it streams and abandoned
 * as soon as it passes the cap, so memory stays bounded whatever the client sends.
 */
export async function readBodyCapped(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null) {
    const n = Number(declared);
    if (!Number.isFinite(n) || n < 0) throw new HttpError(400, "Content-Length 헤더가 올바르지 않습니다.", { code: "bad_length" });
    if (n > maxBytes) throw tooLarge(maxBytes);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a JSON body: only `application/json` (charset, if given, must be UTF-8), capped at
 * `maxBytes`, valid UTF-8 and valid JSON; otherwise a Korean 400/413/415 HttpError.
 */
export async function readJsonBody(req: Request, maxBytes = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const media = parseMediaType(req.headers.get("content-type"));
  const charset = media?.params.charset?.toLowerCase();
  if (!media || media.type !== "application/json" || (charset !== undefined && charset !== "utf-8"))
    throw new HttpError(415, "요청 본문은 JSON(application/json)이어야 합니다.", { code: "unsupported_type" });
  const bytes = await readBodyCapped(req, maxBytes);
  if (bytes.byteLength === 0) throw new HttpError(400, "요청 본문이 비어 있습니다. JSON을 보내 주세요.", { code: "empty_body" });
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new HttpError(400, "요청 본문이 올바른 UTF-8이 아닙니다.", { code: "bad_encoding" });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "요청 본문이 올바른 JSON이 아닙니다.", { code: "bad_json" });
  }
}
