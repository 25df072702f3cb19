import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { getMDXComponent } from "mdx-bundler/client";
import { describe, expect, it } from "vitest";
import { mdxComponents, mdxTags } from "../../components/mdx/registry";
import { ISLAND_TAG_NAMES, isIslandTag } from "../../components/mdx/tags";
import * as lazyWidgets from "../../components/widgets/lazy";
import { compileChapter } from "./compile";
import { parseMdx } from "./headings";
import { PROSE_SEGMENT, splitProse } from "./segments";

type Kids = { children?: React.ReactNode };
const topLevel = (tree: unknown) =>
  (tree as { children: { type: string; name?: string; attributes?: { value: string }[] }[] }).children.map((n) =>
    n.name === PROSE_SEGMENT ? `segment ${n.attributes![0].value}` : (n.name ?? n.type),
  );

describe("prose segments", () => {
  it("split a chapter at its top-level widgets, numbering the runs of prose between them", () => {
    const tree = parseMdx("# 제목\n\n첫 문단\n\n<KeyPartitioner />\n\n<Callout>둘째</Callout>\n\n<Term id=\"topic\">토픽</Term> 셋째\n\n<NullKeyPartitioner />\n");
    expect(splitProse(tree, isIslandTag)).toBe(2);
    expect(topLevel(tree)).toEqual(["segment 0", "KeyPartitioner", "segment 1", "NullKeyPartitioner"]);
  });

  it("keep module code at the top level and out of every segment", () => {
    const tree = parseMdx("문단\n");
    (tree as { children: unknown[] }).children.unshift({ type: "mdxjsEsm", value: "export const frontmatter = {}" });
    expect(splitProse(tree, isIslandTag)).toBe(1);
    expect(topLevel(tree)).toEqual(["mdxjsEsm", "segment 0"]);
  });

  it("refuse a widget inside another element, where it would be dead HTML", () => {
    expect(() => splitProse(parseMdx("<Callout>\n\n<ClusterLab />\n\n</Callout>\n"), isIslandTag)).toThrow(/<ClusterLab> \(line 3\)/);
    expect(() => splitProse(parseMdx("문단 안의 <TopicNameChecker /> 위젯\n"), isIslandTag)).toThrow(/TopicNameChecker/);
  });

  it("hold all of a compiled chapter's prose, in order, with the widgets exactly where the chapter puts them", async () => {
    const chapter = await compileChapter("01-kafka-ecosystem")!;
    const Content = getMDXComponent(chapter.code);
    const slots = Object.fromEntries(ISLAND_TAG_NAMES.map((t) => [t, () => createElement("widget-slot", { name: t })]));
    const whole = renderToStaticMarkup(createElement(Content, { components: { ...mdxComponents, ...slots, ProseSegment: ({ children }: Kids) => children } }));
    const only = (index: number) =>
      renderToStaticMarkup(
        createElement(Content, {
          components: {
            ...mdxComponents,
            ...Object.fromEntries(ISLAND_TAG_NAMES.map((t) => [t, () => null])),
            ProseSegment: ({ index: i, children }: Kids & { index: string }) => (Number(i) === index ? children : null),
          },
        }),
      );
    expect(chapter.segments).toBe(3);
    const segments = [0, 1, 2].map(only);
    // Segment, widget, segment, widget, segment: together exactly the chapter rendered whole
    // (but for the line breaks MDX puts between top-level blocks).
    const tight = (html: string) => html.replace(/>\s+</g, "><");
    expect(
      tight(`${segments[0]}<widget-slot name="KeyPartitioner"></widget-slot>${segments[1]}<widget-slot name="NullKeyPartitioner"></widget-slot>${segments[2]}`),
    ).toBe(tight(whole));
    expect(segments[0]).toContain("<h2");
    expect(segments[2]).toContain(`id="${chapter.toc.at(-1)!.id}"`);
    for (const s of segments) expect(s).not.toContain("widget-slot");
  }, 60_000);

  it("treat exactly the lazy widgets as islands", () => {
    const lazy = Object.keys(lazyWidgets).sort();
    expect([...ISLAND_TAG_NAMES].sort()).toEqual(lazy);
    for (const t of ISLAND_TAG_NAMES) expect(mdxTags[t]).toBe(lazyWidgets[t]);
  });
});
