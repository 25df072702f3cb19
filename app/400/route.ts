import { errorResponse } from "@/lib/server/errors";

// Next's router renders `/400` when a request's path cannot be decoded (bad percent-encoding such as
// `/chapters/%ZZ` or `/api/quizzes/%E0%A4%A`): it throws while matching the dynamic segment, before any
// handler or the proxy runs, and without this route it answers a bare "Internal Server Error" (500).
// This route is that answer: a Korean 400 for every method, as a page for browsers and JSON otherwise.
// It reads no input and changes nothing, so it needs none of lib/server's checks.

const MESSAGE = "주소에 잘못된 문자가 있습니다. 주소를 확인해 주세요.";

function badRequest(req: Request): Response {
  if (req.method === "GET" && (req.headers.get("accept") ?? "").includes("text/html")) {
    const html = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>잘못된 주소 · 카프카 코스</title></head><body><main><h1>잘못된 주소입니다</h1><p>${MESSAGE}</p><p><a href="/">처음으로</a></p></main></body></html>`;
    return new Response(html, { status: 400, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
  }
  return errorResponse(400, { error: MESSAGE, code: "bad_path" });
}

export { badRequest as GET, badRequest as POST, badRequest as PUT, badRequest as PATCH, badRequest as DELETE, badRequest as OPTIONS, badRequest as HEAD };
