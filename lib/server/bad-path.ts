/** Whether every segment of a raw path percent-decodes (`%ZZ` or a cut-off UTF-8 sequence do not). */
export function decodable(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

const BAD_PATH = "주소에 잘못된 문자가 있습니다. 주소를 확인해 주세요.";

/**
 * Next's router throws on a dynamic segment it cannot decode and answers a bare 500; the proxy runs
 * before that matching, so such a path gets a Korean 400 here: JSON for the API and other clients,
 * a short page for a browser.
 */
export function badPath(req: { nextUrl: { pathname: string }; headers: Headers }): Response {
  const headers = { "cache-control": "no-store", "content-security-policy": "default-src 'none'; frame-ancestors 'none'" };
  if (!req.nextUrl.pathname.startsWith("/api/") && (req.headers.get("accept") ?? "").includes("text/html"))
    return new Response(`<!doctype html><html lang="ko"><meta charset="utf-8"><title>잘못된 주소 · 카프카 코스</title><h1>잘못된 주소입니다</h1><p>${BAD_PATH}</p><p><a href="/">처음으로</a></p></html>`, {
      status: 400,
      headers: { ...headers, "content-type": "text/html; charset=utf-8" },
    });
  return Response.json({ error: BAD_PATH, code: "bad_path" }, { status: 400, headers });
}

