import { describe, expect, it } from "vitest";
import { badPath, decodable } from "./bad-path";

const req = (pathname: string, accept = "*/*") => ({ nextUrl: { pathname }, headers: new Headers({ accept }) });

describe("undecodable paths", () => {
  it("tells a path that percent-decodes from one that does not", () => {
    expect(decodable("/chapters/04-replication-isr")).toBe(true);
    expect(decodable("/api/quizzes/ab%2Fcd/attempts")).toBe(true);
    expect(decodable("/search/%EC%B9%B4%ED%94%84%EC%B9%B4")).toBe(true);
    expect(decodable("/api/quizzes/%ZZ")).toBe(false);
    expect(decodable("/api/auth/%E0%A4%A")).toBe(false);
    expect(decodable("/practice/%")).toBe(false);
  });

  it("answers the API with a Korean JSON 400 and a browser with a Korean page", async () => {
    const api = badPath(req("/api/quizzes/%ZZ", "text/html"));
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: "주소에 잘못된 문자가 있습니다. 주소를 확인해 주세요.", code: "bad_path" });
    const page = badPath(req("/chapters/%ZZ", "text/html,application/xhtml+xml"));
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("잘못된 주소입니다");
    expect(page.headers.get("cache-control")).toBe("no-store");
  });
});
