import { z } from "zod";

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id는 소문자 kebab-case여야 합니다");
const text = z.string().trim().min(1);
const option = z.object({ id: z.string().regex(/^[a-z]$/, "보기 id는 a~z 한 글자입니다"), text });

const base = {
  id,
  concepts: z.array(id).min(1).max(5),
  prompt: text,
  explanation: text,
};

const single = z.object({ ...base, type: z.literal("single"), options: z.array(option).min(2).max(6), answer: z.string() });
const multiple = z.object({
  ...base,
  type: z.literal("multiple"),
  options: z.array(option).min(2).max(8),
  answer: z.array(z.string()).min(1),
});
const trueFalse = z.object({ ...base, type: z.literal("true-false"), answer: z.boolean() });
const shortAnswer = z.object({ ...base, type: z.literal("short-answer"), answer: z.array(text).min(1) });
const numeric = z.object({
  ...base,
  type: z.literal("numeric"),
  answer: z.object({ value: z.number(), tolerance: z.number().min(0).default(0) }),
});

/** One authored question with its answer key and explanation (server side only). */
export const questionSchema = z.discriminatedUnion("type", [single, multiple, trueFalse, shortAnswer, numeric]).superRefine((q, ctx) => {
  if (q.type !== "single" && q.type !== "multiple") return;
  const ids = q.options.map((o) => o.id);
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: `${q.id}: 보기 id가 중복됩니다` });
  const keys = q.type === "single" ? [q.answer] : q.answer;
  for (const k of keys) if (!ids.includes(k)) ctx.addIssue({ code: "custom", message: `${q.id}: 정답 '${k}'이(가) 보기에 없습니다` });
});

/** A quiz file: content/chapters/NN-slug/quiz.yaml. */
export const quizFileSchema = z.object({ title: text, questions: z.array(questionSchema).min(1) }).superRefine((quiz, ctx) => {
  const seen = new Set<string>();
  for (const q of quiz.questions) {
    if (seen.has(q.id)) ctx.addIssue({ code: "custom", message: `질문 id '${q.id}'가 중복됩니다` });
    seen.add(q.id);
  }
});

export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question["type"];
export type QuizFile = z.infer<typeof quizFileSchema>;
export interface Quiz extends QuizFile {
  /** The chapter slug; one quiz per chapter. */
  id: string;
  chapterSlug: string;
}
