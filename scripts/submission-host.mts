// The quiz submission route on bare node:http, for `npm run start:cached` (ADR 0029). nginx sends
// `POST /api/quizzes/<slug>/attempts` here and everything else to `next start`. It serves the very same
// route handler (app/api/quizzes/[slug]/attempts/route.ts, which goes through lib/server's boundary: body
// cap, origin check, session, zod, Korean errors) without Next's per-request router and web-stream
// machinery, which cost more CPU than the submission itself. Run it as
//   node --conditions react-server --import tsx scripts/submission-host.mts     (PORT, DATABASE_URL, AUTH_SECRET)
import http from "node:http";
import { Readable } from "node:stream";
import type { NextConfig } from "next";
import { POST } from "../app/api/quizzes/[slug]/attempts/route";
import { errorResponse, toErrorResponse } from "../lib/server/errors";

const port = Number(process.env.PORT);
const host = process.env.HOST ?? "127.0.0.1";
const ROUTE = /^\/api\/quizzes\/([^/?#]+)\/attempts\/?(?:\?.*)?$/;

// The headers next.config.mjs gives every API response (security headers, the API's CSP), so this host
// answers with exactly what `next start` would.
const configPath: string = "../next.config.mjs"; // a plain JS module: loaded, not type-checked
const nextConfig = ((await import(configPath)) as { default: NextConfig }).default;
const apiHeaders: [string, string][] = ((await nextConfig.headers?.()) ?? [])
  .filter((rule) => rule.source === "/:path*" || rule.source === "/api/:path*")
  .flatMap((rule) => rule.headers.map((h) => [h.key.toLowerCase(), h.value] as [string, string]));

function toRequest(req: http.IncomingMessage): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // @ts-expect-error Node's fetch needs `duplex` for a streamed body; the DOM types do not know it.
    duplex: hasBody ? "half" : undefined,
  });
}

async function answer(req: http.IncomingMessage): Promise<Response> {
  const m = ROUTE.exec(req.url ?? "");
  if (!m) return errorResponse(404, { error: "이 주소에는 제출할 수 없습니다.", code: "not_found" });
  let slug: string;
  try {
    slug = decodeURIComponent(m[1]);
  } catch {
    return errorResponse(400, { error: "주소에 잘못된 문자가 있습니다. 주소를 확인해 주세요.", code: "bad_path" });
  }
  try {
    return await POST(toRequest(req), { params: Promise.resolve({ slug }) });
  } catch (e) {
    return toErrorResponse(e);
  }
}

const server = http.createServer((req, res) => {
  void answer(req).then(
    async (response) => {
      const body = Buffer.from(await response.arrayBuffer());
      const headers: Record<string, string> = Object.fromEntries(apiHeaders);
      response.headers.forEach((v, k) => (headers[k] = v));
      headers["content-length"] = String(body.byteLength);
      res.writeHead(response.status, headers).end(body);
      // A refused body (413) may still be arriving: drop it rather than read it.
      if (!req.complete) req.destroy();
    },
    () => res.writeHead(500).end(),
  );
});
server.keepAliveTimeout = 75_000;
server.listen(port, host, () => console.log(`제출 서버: http://${host}:${port}/api/quizzes/<장>/attempts`));
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, () => {
    server.close();
    // Let the group commit in flight finish: acknowledged attempts are stored before the process ends.
    setTimeout(() => process.exit(0), 200);
  });
