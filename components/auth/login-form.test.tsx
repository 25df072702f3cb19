// @vitest-environment jsdom
import { act, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { deferred, fakeFetch, renderWithRouter } from "@/lib/testing/app-router";
import { LoginForm, safeCallback, signInErrorMessage } from "./login-form";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const hidden = (name: string) => (document.querySelector(`input[name="${name}"]`) as HTMLInputElement).value;

describe("login form", () => {
  it("posts e-mail and password to Auth.js, with the submit button disabled until the CSRF token has arrived", async () => {
    const csrf = deferred<Response>();
    const calls = fakeFetch(() => csrf.promise);
    renderWithRouter(<LoginForm />, "callbackUrl=/review");
    const form = screen.getByRole("button", { name: "로그인" }).closest("form")!;
    expect(form.getAttribute("method")).toBe("post");
    expect(form.getAttribute("action")).toBe("/api/auth/callback/credentials");
    expect(screen.getByLabelText("이메일").getAttribute("type")).toBe("email");
    expect(screen.getByLabelText("비밀번호").getAttribute("type")).toBe("password");
    expect((screen.getByRole("button", { name: "로그인" }) as HTMLButtonElement).disabled).toBe(true);
    expect(calls.map((c) => c.url)).toEqual(["/api/auth/csrf"]);
    await act(async () => csrf.resolve(Response.json({ csrfToken: "tok-123" })));
    expect((screen.getByRole("button", { name: "로그인" }) as HTMLButtonElement).disabled).toBe(false);
    expect(hidden("csrfToken")).toBe("tok-123");
    expect(hidden("callbackUrl")).toBe("/review");
    expect(screen.getByRole("link", { name: "회원가입" }).getAttribute("href")).toBe("/signup?callbackUrl=%2Freview");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows Auth.js's failure as one Korean line that does not say which field was wrong", async () => {
    fakeFetch(() => Response.json({ csrfToken: "t" }));
    renderWithRouter(<LoginForm />, "error=CredentialsSignin");
    expect(screen.getByRole("alert").textContent).toBe("이메일 또는 비밀번호가 올바르지 않습니다.");
    await act(async () => {});
  });

  it("says when a rate-limited sign-in may be tried again", async () => {
    fakeFetch(() => Response.json({ csrfToken: "t" }));
    renderWithRouter(<LoginForm />, "error=CredentialsSignin&code=rate_limited_600");
    expect(screen.getByRole("alert").textContent).toBe("로그인 시도가 너무 많습니다. 10분 후에 다시 시도해 주세요.");
    await act(async () => {});
    expect(signInErrorMessage("MissingCSRF", null)).toBe("보안 토큰이 만료되었습니다. 다시 시도해 주세요.");
    expect(signInErrorMessage("Whatever", "rate_limited_30")).toBe("로그인 시도가 너무 많습니다. 30초 후에 다시 시도해 주세요.");
    expect(signInErrorMessage("Whatever", null)).toBe("로그인하지 못했습니다. 다시 시도해 주세요.");
  });

  it("keeps the submit button disabled when the CSRF token cannot be fetched, and never sends a learner off-site afterwards", async () => {
    fakeFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    renderWithRouter(<LoginForm />, "callbackUrl=//evil.example/x");
    await act(async () => {});
    expect((screen.getByRole("button", { name: "로그인" }) as HTMLButtonElement).disabled).toBe(true);
    expect(hidden("callbackUrl")).toBe("/me");
    expect(safeCallback("https://evil.example")).toBe("/me");
    expect(safeCallback("/chapters/01-kafka-ecosystem")).toBe("/chapters/01-kafka-ecosystem");
  });
});
