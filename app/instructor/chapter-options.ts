import "server-only";
import { listChapters } from "@/lib/content/chapters";

/** Chapters as the editor's and import page's select shows them. */
export async function chapterOptions() {
  return (await listChapters()).map((c) => ({ slug: c.slug, label: `${c.order}장 ${c.title}` }));
}
