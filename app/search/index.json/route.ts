import { readCorpus, readGlossary } from "@/lib/content/corpus";
import { buildSearchIndex } from "@/lib/content/search";

// Generated once by `next build` from content/ and served as a static file; never committed.
export const dynamic = "force-static";

/** The course search index: chapter sections and glossary terms as plain text. */
export function GET() {
  return Response.json(buildSearchIndex(readCorpus(), readGlossary()), {
    headers: { "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400" },
  });
}
