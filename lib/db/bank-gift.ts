// GIFT ⇄ question bank: turns parsed GIFT questions into bank drafts (every problem named with its
// line, so a file with errors saves nothing) and writes bank questions back as GIFT.
import { parseGift, toGift, type GiftQuestion } from "../quiz/gift";
import { questionSchema, type Question } from "../quiz/schema";
import { createAuthoredQuestion } from "./bank";
import type { Db } from "./client";
import { toFieldErrors, type QuestionDraft } from "./instructor-schema";
import { listBankQuestions } from "./instructor";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CHAPTER = /^\d{2}-[a-z0-9-]+$/;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const FALLBACK_CONCEPT = "gift-import";
/** Bytes of GIFT text one import may carry; more gets a 413. */
export const GIFT_MAX_BYTES = 512 * 1024;

const TYPE_NAME: Record<string, string> = { matching: "연결하기", essay: "서술형", description: "설명" };

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

function toDraft(g: GiftQuestion, concepts: string[]): { draft?: Record<string, unknown>; error?: string } {
  const base = { prompt: g.prompt, concepts };
  const explain = (fallback: string) => g.generalFeedback || fallback;
  switch (g.type) {
    case "single":
    case "multiple": {
      const options = g.answers.map((a, i) => ({ id: LETTERS[i], text: a.text }));
      const correct = g.answers.map((a, i) => (a.weight > 0 ? LETTERS[i] : null)).filter((x): x is string => x !== null);
      const best = g.answers.findIndex((a) => a.weight === Math.max(...g.answers.map((b) => b.weight)));
      const explanation = explain(g.answers[best]?.feedback || `정답: ${g.answers.filter((a) => a.weight > 0).map((a) => a.text).join(", ")}`);
      return g.type === "single"
        ? { draft: { ...base, type: "single", options, answer: LETTERS[best], explanation } }
        : { draft: { ...base, type: "multiple", options, answer: correct, explanation } };
    }
    case "truefalse":
      return { draft: { ...base, type: "true-false", answer: g.answer, explanation: explain(g.feedbackRight || (g.answer ? "정답은 참입니다." : "정답은 거짓입니다.")) } };
    case "short": {
      const accepted = g.answers.filter((a) => a.weight === 1).map((a) => a.text);
      return { draft: { ...base, type: "short-answer", answer: accepted, explanation: explain(`정답: ${accepted.join(", ")}`) } };
    }
    case "numeric": {
      const a = g.answers.find((x) => x.weight === 1) ?? g.answers[0];
      if (!a) return { error: "숫자 문항에 정답이 없습니다." };
      return { draft: { ...base, type: "numeric", answer: { value: a.value, tolerance: a.tolerance }, explanation: explain(a.feedback || `정답: ${a.value}`) } };
    }
    default:
      return { error: `${TYPE_NAME[g.type] ?? g.type} 문항은 아직 이 강의의 퀴즈에서 쓸 수 없습니다.` };
  }
}

/** Parses GIFT text into bank drafts and every error with its line; nothing is saved here. */
export function previewGift(text: string, chapterSlug: string): GiftPreview {
  const parsed = parseGift(text);
  const errors = [...parsed.errors];
  const items: GiftItem[] = [];
  for (const g of parsed.questions) {
    const { chapter, concepts } = fromCategory(g.category, chapterSlug);
    const { draft, error } = toDraft(g, concepts);
    if (error || !draft) {
      errors.push({ line: g.line, message: error ?? "문항을 읽지 못했습니다." });
      continue;
    }
    const checked = questionSchema.safeParse({ ...draft, id: "gift" });
    if (!checked.success) {
      const fields = toFieldErrors(checked.error);
      errors.push({ line: g.line, message: Object.entries(fields).map(([k, m]) => `${k}: ${m}`).join(" ") });
      continue;
    }
    const { id: _id, ...q } = checked.data;
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

function toGiftQuestion(q: Question, chapterSlug: string): GiftQuestion {
  const common = { name: q.id, category: `${chapterSlug}/${q.concepts.join("+")}`, prompt: q.prompt, generalFeedback: q.explanation, line: 0 };
  switch (q.type) {
    case "single":
      return { ...common, type: "single", answers: q.options.map((o) => ({ text: o.text, weight: o.id === q.answer ? 1 : 0 })) };
    case "multiple":
      return {
        ...common,
        type: "multiple",
        answers: q.options.map((o) => ({ text: o.text, weight: q.answer.includes(o.id) ? Math.round(10000 / q.answer.length) / 10000 : -1 })),
      };
    case "true-false":
      return { ...common, type: "truefalse", answer: q.answer };
    case "short-answer":
      return { ...common, type: "short", answers: q.answer.map((text) => ({ text, weight: 1 })) };
    case "numeric":
      return { ...common, type: "numeric", answers: [{ value: q.answer.value, tolerance: q.answer.tolerance, weight: 1 }] };
  }
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
    if (parsed.success) questions.push(toGiftQuestion(parsed.data, r.chapterSlug));
  }
  return toGift(questions);
}
