import { render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SessionProvider } from "./session-provider";
import { UserMenu } from "./user-menu";

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const menu = () =>
  render(
    <SessionProvider>
      <UserMenu />
    </SessionProvider>,
  );

describe("the header's sign-in state", () => {
  it("reserves its place while the session loads, then offers 로그인 and 회원가입 to a visitor", async () => {
    let answer: (r: Response) => void = () => {};
    fetchMock.mockReturnValueOnce(new Promise<Response>((r) => (answer = r)));
    const { container } = menu();
    expect(container.querySelector('[aria-hidden="true"]')).not.toBeNull();
    expect(screen.queryByRole("link")).toBeNull();
    answer(new Response("null", { status: 200 }));
    expect(await screen.findByRole("link", { name: "로그인" })).toHaveProperty("pathname", "/login");
    expect(screen.getByRole("link", { name: "회원가입" })).toHaveProperty("pathname", "/signup");
    expect(fetchMock).toHaveBeenCalledWith("/api/auth/session", { cache: "no-store" });
  });

  it("greets a signed-in learner by name, with 내 학습 and 로그아웃", async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ user: { id: "u1", email: "a@example.com", name: "김카프카", role: "student" } }));
    menu();
    expect(await screen.findByTestId("signed-in-name")).toHaveProperty("textContent", "김카프카님");
    expect(screen.getByRole("link", { name: "내 학습" })).toHaveProperty("pathname", "/me");
    expect(screen.getByRole("button", { name: "로그아웃" })).toHaveProperty("disabled", false);
    expect(screen.queryByRole("link", { name: "로그인" })).toBeNull();
  });

  it("treats an unreachable session endpoint as signed out rather than loading forever", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    menu();
    expect(await screen.findByRole("link", { name: "로그인" })).toBeTruthy();
  });
});
