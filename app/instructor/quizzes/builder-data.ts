import "server-only";
import type { BankOption } from "@/components/instructor/quiz-builder-picker";
import { db } from "@/lib/db";
import { ensureBankReady } from "@/lib/db/bank-server";
import { listBankQuestions, listConceptTags } from "@/lib/db/instructor";
import { chapterOptions } from "../chapter-options";

/** What the builder lists: every non-archived bank question (prompt and tags, never a key), chapters, concepts. */
export async function builderData() {
  await ensureBankReady();
  const [rows, chapters, concepts] = await Promise.all([listBankQuestions(db), chapterOptions(), listConceptTags(db)]);
  const bank: BankOption[] = rows
    .filter((r) => r.status !== "archived")
    .map((r) => ({ id: r.id, chapterSlug: r.chapterSlug, type: r.type, concepts: r.concepts, prompt: r.prompt, published: r.status === "published" }));
  return { bank, chapters, concepts };
}
