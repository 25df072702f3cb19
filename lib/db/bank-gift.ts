// GIFT ⇄ question bank: turns parsed GIFT questions into bank drafts (every problem named with its
// line, so a file with errors saves nothing) and writes bank questions back as GIFT.
import { parseGift, toGift, type GiftQuestion } from "../quiz/gift";
import { fromGift, toGiftQuestion } from "../quiz/gift-convert";
import { questionSchema } from "../quiz/schema";
import { createAuthoredQuestion } from "./bank";
import type { Db } from "./client";
import type { QuestionDraft } from "./instructor-schema";
import { listBankQuestions } from "./instructor";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CHAPTER = /^\d{2}-[a-z0-9-]+$/;
const FALLBACK_CONCEPT = "gift-import";
/** Bytes of GIFT text one import may carry; more gets a 413. */
export const GIFT_MAX_BYTES = 512 * 1024;

export interface GiftItem {
  line: number;
  name?: string;
  chapterSlug: string;
  draft: QuestionDraft;
}
export interface GiftPreview {
  items: GiftItem[];
  errors: { line: number; message: string }[];
}

/** Chapter and concept tags from a `$CATEGORY` written by `exportGift`: `<chapter>/<tag>+<tag>`. */
function fromCategory(category: string | undefined, chapterSlug: string) {
  const parts = (category ?? "").split("/").map((p) => p.trim());
  const chapter = parts.find((p) => CHAPTER.test(p)) ?? chapterSlug;
  const tags = (parts[parts.length - 1] ?? "").split("+").filter((t) => KEBAB.test(t));
  return { chapter, concepts: tags.length ? tags : [FALLBACK_CONCEPT] };
}

/** Parses GIFT text into bank drafts and every error with its line; nothing is saved here. */
export function previewGift(text: string, chapterSlug: string): GiftPreview {
  const parsed = parseGift(text);
  const errors = [...parsed.errors];
  const items: GiftItem[] = [];
  for (const g of parsed.questions) {
    const { chapter, concepts } = fromCategory(g.category, chapterSlug);
    const converted = fromGift(g, { id: "gift", concepts });
    if (!converted.ok) {
      // The line is shown in its own column; the converter's message also names it.
      errors.push({ line: g.line, message: converted.message.replace(/^\d+번째 줄: (gift: )?/, "") });
      continue;
    }
    const { id: _id, ...q } = converted.question;
    void _id;
    items.push({ line: g.line, name: g.name, chapterSlug: chapter, draft: q as QuestionDraft });
  }
  errors.sort((a, b) => a.line - b.line);
  if (!items.length && !errors.length) errors.push({ line: 1, message: "문항이 하나도 없습니다." });
  return { items, errors };
}

/** Saves every question of an error-free GIFT text as a draft; with any error it saves nothing. */
export async function importGift(db: Db, text: string, chapterSlug: string, authorId: string | null) {
  const preview = previewGift(text, chapterSlug);
  if (preview.errors.length) return { ...preview, saved: [] as string[] };
  const saved: string[] = [];
  for (const item of preview.items) {
    const { id } = await createAuthoredQuestion(db, { question: item.draft, chapterSlug: item.chapterSlug, authorId });
    saved.push(id);
  }
  return { ...preview, saved };
}

/** The bank's questions (optionally one chapter's) as a GIFT file; archived questions are left out. */
export async function exportGift(db: Db, chapter?: string): Promise<string> {
  const rows = (await listBankQuestions(db, { chapter })).filter((r) => r.status !== "archived");
  const versions = await db.question.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, currentVersionId: true } });
  const bodies = new Map(
    (await db.questionVersion.findMany({ where: { id: { in: versions.map((v) => v.currentVersionId ?? "") } }, select: { questionId: true, body: true } })).map((v) => [
      v.questionId,
      v.body,
    ]),
  );
  const questions: GiftQuestion[] = [];
  for (const r of rows) {
    const parsed = questionSchema.safeParse(JSON.parse(bodies.get(r.id) ?? "null"));
    if (!parsed.success) continue;
    // Ordering and simulation questions have no GIFT form; they stay in the bank only.
    const gift = toGiftQuestion(parsed.data);
    if (gift) questions.push({ ...gift, category: `${r.chapterSlug}/${parsed.data.concepts.join("+")}` });
  }
  return toGift(questions);
}
