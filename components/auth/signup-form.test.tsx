// @vitest-environment jsdom
import { act, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deferred, fakeFetch, renderWithRouter } from "@/lib/testing/app-router";
import { SignupForm } from "./signup-form";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  vi.restoreAllMocks();
});

function fill(name: string, email: string, password: string) {
  fireEvent.change(screen.getByLabelText("이름"), { target: { value: name } });
  fireEvent.change(screen.getByLabelText("이메일"), { target: { value: email } });
  fireEvent.change(screen.getByLabelText("비밀번호"), { target: { value: password } });
}
const button = () => screen.getByRole("button", { name: /가입/ }) as HTMLButtonElement;

describe("signup form", () => {
  it("labels each field, requires them, and tells the password rule beside the password", () => {
    renderWithRouter(<SignupForm />);
    for (const label of ["이름", "이메일", "비밀번호"]) expect((screen.getByLabelText(label) as HTMLInputElement).required).toBe(true);
    const password = screen.getByLabelText("비밀번호");
    expect(password.getAttribute("minlength")).toBe("8");
    expect(document.getElementById(password.getAttribute("aria-describedby")!)?.textContent).toBe("8자 이상");
    expect(screen.getByRole("link", { name: "로그인" }).getAttribute("href")).toBe("/login");
  });

  it("is disabled while the account is created, then shows the server's Korean refusal and can be sent again", async () => {
    const answer = deferred<Response>();
    const calls = fakeFetch(() => answer.promise);
    renderWithRouter(<SignupForm />);
    fill("새 학생", "new@example.com", "short");
    fireEvent.submit(button().closest("form")!);
    expect(button().textContent).toBe("가입하는 중…");
    expect(button().disabled).toBe(true);
    expect(calls).toEqual([{ url: "/api/signup", body: { name: "새 학생", email: "new@example.com", password: "short" } }]);
    await act(async () => answer.resolve(Response.json({ error: "비밀번호는 8자 이상이어야 합니다." }, { status: 400 })));
    expect(screen.getByRole("alert").textContent).toBe("비밀번호는 8자 이상이어야 합니다.");
    expect(button().textContent).toBe("가입하기");
    expect(button().disabled).toBe(false);
    expect((screen.getByLabelText("이메일") as HTMLInputElement).value).toBe("new@example.com");
  });

  it("gives a Korean line for a non-JSON error page and for a lost connection", async () => {
    fakeFetch(() => new Response("<html>Bad Gateway</html>", { status: 502, headers: { "content-type": "text/html" } }));
    const { unmount } = renderWithRouter(<SignupForm />);
    fill("a", "a@example.com", "longenough1");
    fireEvent.submit(button().closest("form")!);
    expect((await screen.findByRole("alert")).textContent).toBe("가입하지 못했습니다 (서버 응답 502). 잠시 후 다시 시도해 주세요.");
    unmount();

    fakeFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    renderWithRouter(<SignupForm />);
    fill("a", "a@example.com", "longenough1");
    fireEvent.submit(button().closest("form")!);
    expect((await screen.findByRole("alert")).textContent).toBe("서버에 연결하지 못했습니다. 잠시 후 다시 시도해 주세요.");
    expect(button().disabled).toBe(false);
  });

  it("after creating the account, signs in with the same credentials as a real form post, keeping a safe callback", async () => {
    fakeFetch((url) =>
      url === "/api/signup"
        ? Response.json({ user: { email: "new@example.com", name: "새 학생" } }, { status: 201 })
        : Response.json({ csrfToken: "tok-9" }),
    );
    // jsdom cannot navigate: read the form the browser would have posted.
    const posted: Record<string, string>[] = [];
    vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(function (this: HTMLFormElement) {
      posted.push({
        action: new URL(this.action).pathname,
        method: this.method,
        ...Object.fromEntries(new FormData(this) as unknown as Iterable<[string, string]>),
      });
    });
    renderWithRouter(<SignupForm />, "callbackUrl=//evil.example");
    fill("새 학생", "new@example.com", "longenough1");
    fireEvent.submit(button().closest("form")!);
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      action: "/api/auth/callback/credentials",
      method: "post",
      csrfToken: "tok-9",
      email: "new@example.com",
      password: "longenough1",
      callbackUrl: "/me",
    });
    // Still busy: the page is about to change.
    expect(button().disabled).toBe(true);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
