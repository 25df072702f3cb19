// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { ThemeToggle } from "./theme-toggle";

afterEach(() => {
  cleanup();
  document.documentElement.classList.remove("dark");
  localStorage.clear();
});

describe("ThemeToggle", () => {
  it("offers the dark theme on a light page, switches and remembers it", async () => {
    render(<ThemeToggle />);
    await userEvent.click(screen.getByRole("button", { name: "어두운 화면으로 전환" }));
    expect(document.documentElement.classList.contains("dark")).toBe(true);
    expect(localStorage.getItem("theme")).toBe("dark");
    expect(screen.getByRole("button", { name: "밝은 화면으로 전환" })).toBeTruthy();
  });

  it("follows a theme class set elsewhere on the page", async () => {
    render(<ThemeToggle />);
    await act(async () => {
      document.documentElement.classList.add("dark");
      await new Promise((r) => setTimeout(r, 0)); // MutationObserver callbacks run as microtasks
    });
    expect(screen.getByRole("button", { name: "밝은 화면으로 전환" })).toBeTruthy();
  });
});
