import { readdirSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { getMDXComponent } from "mdx-bundler/client";
import { describe, expect, it } from "vitest";
import { mdxComponents } from "../../components/mdx/registry";
import { getChapter } from "./chapters";

const slugs = readdirSync(path.join(process.cwd(), "content", "chapters")).filter((d) => /^\d{2}-/.test(d));

describe("heading anchors", () => {
  // Widgets render their own headings; chapter headings are the anchored ones (class "group").
  // One chapter compiled end to end is enough to prove the two paths are one; the rest is shared code.
  it("rendered h2/h3 ids are exactly the table of contents' ids, in order", async () => {
    const chapter = await getChapter(slugs[3]);
    expect(chapter).not.toBeNull();
    const components = { ...mdxComponents, ProseSegment: ({ children }: { children?: React.ReactNode }) => children };
    const html = renderToStaticMarkup(createElement(getMDXComponent(chapter!.code), { components }));
    const rendered = [...html.matchAll(/<h[23] id="([^"]+)" class="group"/g)].map((m) => m[1]);
    expect(rendered.length).toBeGreaterThan(3);
    expect(rendered).toEqual(chapter!.toc.map((t) => t.id));
    for (const t of chapter!.toc) expect(html).toContain(`href="#${t.id}"`);
  }, 60_000);
});
