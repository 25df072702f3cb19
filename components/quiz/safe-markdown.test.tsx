// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SafeMarkdown } from "./safe-markdown";

afterEach(cleanup);

describe("SafeMarkdown", () => {
  it("renders Markdown: inline code, emphasis, lists and safe links", () => {
    const { container, getByRole } = render(<SafeMarkdown text={"`acks=all`은 **ISR**을 기다립니다.\n\n- 하나\n- 둘\n\n[문서](https://kafka.apache.org)"} />);
    expect(container.querySelector("code")?.textContent).toBe("acks=all");
    expect(container.querySelector("strong")?.textContent).toBe("ISR");
    expect(container.querySelectorAll("li")).toHaveLength(2);
    expect(getByRole("link", { name: "문서" }).getAttribute("href")).toBe("https://kafka.apache.org");
  });

  it("shows a script tag as the text typed, never as an element", () => {
    for (const text of ["앞 <script>alert('x')</script> 뒤", "<script>alert('x')</script>\n\n다음 문단"]) {
      const { container, unmount } = render(<SafeMarkdown text={text} />);
      expect(container.querySelector("script")).toBeNull();
      expect(container.innerHTML).not.toContain("<script");
      expect(container.textContent).toContain("<script>alert('x')</script>");
      unmount();
    }
  });

  it("shows an onerror= image as text: no img element, no event handler attribute", () => {
    const { container } = render(<SafeMarkdown text={'<img src="x" onerror="alert(1)"> 이미지'} />);
    expect(container.querySelector("img, [onerror]")).toBeNull();
    expect(container.textContent).toContain('<img src="x" onerror="alert(1)">');
  });

  it("neutralises javascript: links, also in Markdown syntax and with odd casing", () => {
    for (const href of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"]) {
      const { container, unmount } = render(<SafeMarkdown text={`[눌러 보세요](${href})`} />);
      const a = container.querySelector("a");
      expect(a?.textContent).toBe("눌러 보세요");
      expect(a?.getAttribute("href") ?? "").not.toMatch(/script|data:/i);
      unmount();
    }
  });

  it("keeps angle brackets typed as text visible as text", () => {
    const { container } = render(<SafeMarkdown text={"`<script>` 태그는 실행되지 않습니다"} />);
    expect(container.querySelector("code")?.textContent).toBe("<script>");
  });

  it("drops the paragraph wrapper when inline", () => {
    const { container } = render(<SafeMarkdown inline text="한 줄 `code`" />);
    expect(container.querySelector("p")).toBeNull();
    expect(container.textContent).toBe("한 줄 code");
  });
});
