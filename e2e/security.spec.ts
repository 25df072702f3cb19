import { expect, test, type Page } from "@playwright/test";
import { FIRST_CHAPTER, signIn, uniqueEmail } from "./support";

/** Appends an inline <script> to the live page (as an XSS would) and reports whether it ran. */
async function injectedScriptRan(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const s = document.createElement("script");
        s.textContent = "window.__injected = true";
        document.body.appendChild(s);
        setTimeout(() => resolve((window as unknown as { __injected?: boolean }).__injected === true), 200);
      }),
  );
}

const scriptSrc = (csp: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src ")) ?? "";

test("정적 강의 페이지: CSP가 주입된 인라인 스크립트를 막고, 페이지 자신의 스크립트는 돈다", async ({ page }) => {
  // Any of the page's own scripts refused by its policy, or a hydration mismatch, shows up as a console error.
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  const res = await page.goto(`/chapters/${FIRST_CHAPTER}`);
  // The header says what only a header can (frame-ancestors); the page carries its script hashes itself.
  const header = res!.headers()["content-security-policy"];
  expect(header).toContain("frame-ancestors 'none'");
  expect(scriptSrc(header)).toBe("");
  const policy = await page.locator('head > meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(scriptSrc(policy ?? "")).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/); // hashes only: the page stays static
  // The header's sign-in link is a client island: it appears only if the page's own scripts ran.
  await expect(page.getByRole("banner").getByRole("link", { name: "로그인" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(errors).toEqual([]);
  expect(await injectedScriptRan(page)).toBe(false);
});

test("헤더에 스크립트 정책이 없는 페이지는 모두 HTML 첫머리에 자기 정책을 싣는다", async ({ request }) => {
  for (const url of ["/", `/chapters/${FIRST_CHAPTER}`, "/glossary", "/search", "/login", "/signup", "/logout", "/me", "/no-such-page"]) {
    const res = await request.get(url);
    const header = res.headers()["content-security-policy"];
    const html = await res.text();
    const meta = /<head><meta charSet="utf-8"\/><meta http-equiv="Content-Security-Policy" content="([^"]*)"\/>/.exec(html)?.[1];
    if (scriptSrc(header) === "") expect(scriptSrc(meta ?? ""), url).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
    else expect(scriptSrc(header), url).not.toContain("unsafe-inline");
    expect(header, url).toContain("frame-ancestors 'none'");
  }
});

test("요청마다 그리는 내 학습 페이지: nonce CSP로도 주입된 스크립트는 돌지 않는다", async ({ page }) => {
  await signIn(page, "student@example.com", "student1234");
  await expect(page.getByRole("heading", { name: "내 학습" })).toBeVisible();
  const res = await page.goto("/me");
  expect(scriptSrc(res!.headers()["content-security-policy"])).toContain("'nonce-");
  await expect(page.getByRole("button", { name: "로그아웃" })).toBeVisible();
  expect(await injectedScriptRan(page)).toBe(false);
});

test("모든 응답에 보안 헤더가 붙는다", async ({ request }) => {
  for (const url of ["/", `/chapters/${FIRST_CHAPTER}`, "/api/auth/session"]) {
    const h = (await request.get(url)).headers();
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], url).toContain("camera=()");
    expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(h["strict-transport-security"], url).toBeUndefined(); // plain http here
  }
});

test("다른 사이트에서 온 POST, 너무 큰 본문, 이상한 X-Forwarded-Host는 한국어 4xx를 받는다", async ({ request }) => {
  const url = `/api/quizzes/${FIRST_CHAPTER}/attempts`;
  const cross = await request.post(url, { headers: { origin: "https://evil.example" }, data: { answers: {} } });
  expect(cross.status()).toBe(403);
  expect((await cross.json()).error).toContain("다른 사이트에서 보낸 요청");
  const big = await request.post(url, { headers: { "content-type": "application/json" }, data: Buffer.alloc(1024 * 1024, 0x20) });
  expect(big.status()).toBe(413);
  const sneaky = await request.post(url, { headers: { "content-type": "text/plain; x=application/json" }, data: "{}" });
  expect(sneaky.status()).toBe(415);
  for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/progress"]) {
    const res = await request.get(path, { headers: { "x-forwarded-host": "a b", cookie: "authjs.session-token=forged" } });
    expect(res.status(), path).toBeLessThan(500);
  }
});

test("같은 계정으로 로그인을 계속 틀리면 언제 다시 시도할지 한국어로 알려 준다", async ({ page, request }) => {
  const email = uniqueEmail("guess");
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `wrong-${i}`);
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("이메일 또는 비밀번호가 올바르지 않습니다.");
  }
  await signIn(page, email, "wrong-again");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(/로그인 시도가 너무 많습니다\. \d+분 후에 다시 시도해 주세요\./);

  // The same limit as JSON (Auth.js's X-Auth-Return-Redirect clients): a real 429 with Retry-After.
  const csrf = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    headers: { "x-auth-return-redirect": "1" },
    form: { csrfToken: csrf.csrfToken, email, password: "still-wrong" },
  });
  expect(res.status()).toBe(429);
  expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
});
