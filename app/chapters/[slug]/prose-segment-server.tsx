import { getMDXComponent } from "mdx-bundler/client";
import { use } from "react";
import { ISLAND_TAG_NAMES } from "@/components/mdx/tags";
import { mdxComponents } from "@/components/mdx/registry";
import { compileChapter } from "@/lib/content/compile";

const islandsOff = Object.fromEntries(ISLAND_TAG_NAMES.map((t) => [t, () => null]));
const contentOf = new Map<string, ReturnType<typeof getMDXComponent>>();

/**
 * Server-side render (SSR pass, not the RSC pass) of one prose segment of a chapter: the compiled
 * chapter with every other segment and every widget left out. Only `chapter-prose.tsx` imports it,
 * behind `typeof window === "undefined"`.
 */
export function ProseSegmentServer({ slug, index }: { slug: string; index: number }) {
  const compiled = compileChapter(slug);
  if (!compiled) throw new Error(`no chapter ${slug}`);
  const { code } = use(compiled);
  let Content = contentOf.get(code);
  if (!Content) {
    Content = getMDXComponent(code);
    contentOf.set(code, Content);
  }
  const components = {
    ...mdxComponents,
    ...islandsOff,
    ProseSegment: ({ index: i, children }: { index: string; children?: React.ReactNode }) => (Number(i) === index ? children : null),
  };
  // eslint-disable-next-line react-hooks/static-components -- one component per compiled chapter (cached above), rendered only on the server
  return <Content components={components} />;
}
