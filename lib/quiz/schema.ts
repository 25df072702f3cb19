import { z } from "zod";
import { SIMULATION_TEMPLATES } from "./simulation-templates";

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id는 소문자 kebab-case여야 합니다");
const text = z.string().trim().min(1);
const letterId = z.string().regex(/^[a-z]$/, "보기 id는 a~z 한 글자입니다");
/** Moodle's answer fraction: 1 = full credit, negative = a penalty. */
const weight = z.number().min(-1, "가중치는 -1 이상입니다").max(1, "가중치는 1 이하입니다");
const option = z.object({ id: letterId, text, feedback: text.optional(), weight: weight.optional() });

const base = {
  id,
  concepts: z.array(id).min(1).max(5),
  prompt: text,
  explanation: text,
};

const single = z.object({
  ...base,
  type: z.literal("single"),
  options: z.array(option).min(2).max(8),
  answer: z.string(),
  /** Shuffle the options per attempt (off by default: explanations may name options by letter). */
  shuffle: z.boolean().optional(),
});
const multiple = z.object({
  ...base,
  type: z.literal("multiple"),
  options: z.array(option).min(2).max(8),
  answer: z.array(z.string()).min(1),
  shuffle: z.boolean().optional(),
});
const trueFalse = z.object({ ...base, type: z.literal("true-false"), answer: z.boolean() });
const acceptedText = z.union([text, z.object({ text, weight: z.number().gt(0).max(1), feedback: text.optional() })]);
const shortAnswer = z.object({ ...base, type: z.literal("short-answer"), answer: z.array(acceptedText).min(1) });
const numericValue = z.object({ value: z.number(), tolerance: z.number().min(0).default(0), weight: z.number().gt(0).max(1).optional() });
const numericRange = z.object({ min: z.number(), max: z.number(), weight: z.number().gt(0).max(1).optional() });
const numericAnswer = z.union([numericValue, numericRange]);
const numeric = z.object({ ...base, type: z.literal("numeric"), answer: z.union([numericAnswer, z.array(numericAnswer).min(1)]) });
const matching = z.object({
  ...base,
  type: z.literal("matching"),
  pairs: z.array(z.object({ id: letterId, prompt: text, answer: text })).min(2).max(10),
  /** Extra wrong answers offered in every select. */
  distractors: z.array(text).max(5).optional(),
});
const ordering = z.object({
  ...base,
  type: z.literal("ordering"),
  /** In the correct order; learners see them shuffled. */
  items: z.array(z.object({ id: letterId, text })).min(2).max(10),
});
const essay = z.object({ ...base, type: z.literal("essay"), modelAnswer: text });
const simulationParams = z
  .object({
    profile: z.enum(["kafka-2.x", "kafka-4.x"]).optional(),
    stop: z.array(z.number().int().min(1).max(3)).max(2).optional(),
    partition: z.number().int().min(0).max(2).optional(),
    graceful: z.boolean().optional(),
    minInsyncReplicas: z.number().int().min(1).max(3).optional(),
    records: z.number().int().min(4).max(12).optional(),
    tombstones: z.boolean().optional(),
    grow: z.boolean().optional(),
    assignor: z.enum(["range", "roundrobin"]).optional(),
  })
  .strict();
const simulation = z.object({
  ...base,
  type: z.literal("simulation"),
  /** Optional lead-in shown above the generated question. */
  prompt: text.optional(),
  /** Optional; the engine's own explanation is always added. */
  explanation: text.optional(),
  template: z.enum(SIMULATION_TEMPLATES),
  seeds: z
    .object({ min: z.number().int().min(0), max: z.number().int().max(2 ** 31 - 1) })
    .refine((s) => s.min <= s.max, "seeds.min은 seeds.max 이하여야 합니다")
    .default({ min: 1, max: 100_000 }),
  params: simulationParams.optional(),
  /** Chapter whose widget can play the scenario (defaults to the quiz's chapter). */
  widgetChapter: z.string().optional(),
});

/** One authored question with its answer key and explanation (server side only). */
export const questionSchema = z
  .discriminatedUnion("type", [single, multiple, trueFalse, shortAnswer, numeric, matching, ordering, essay, simulation])
  .superRefine((q, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: "custom", message: `${q.id}: ${message}` });
    if (q.type === "single" || q.type === "multiple") {
      const ids = q.options.map((o) => o.id);
      if (new Set(ids).size !== ids.length) issue("보기 id가 중복됩니다");
      const keys = q.type === "single" ? [q.answer] : q.answer;
      for (const k of keys) if (!ids.includes(k)) issue(`정답 '${k}'이(가) 보기에 없습니다`);
      if (q.type === "single" && q.options.some((o) => o.id === q.answer && o.weight !== undefined && o.weight !== 1))
        issue("단일 선택의 정답 보기는 가중치 1(100%)입니다");
      if (q.type === "multiple" && q.options.some((o) => o.weight !== undefined)) {
        const positive = q.options.map((o) => o.weight ?? 0).filter((w) => w > 0);
        if (Math.abs(positive.reduce((s, w) => s + w, 0) - 1) > 0.01) issue("복수 선택의 양수 가중치를 더하면 1이 되어야 합니다");
      }
    }
    if (q.type === "short-answer" && !q.answer.some((a) => typeof a === "string" || a.weight === 1)) issue("100% 정답이 하나 이상 있어야 합니다");
    if (q.type === "numeric") {
      const all = Array.isArray(q.answer) ? q.answer : [q.answer];
      if (!all.some((a) => (a.weight ?? 1) === 1)) issue("100% 정답이 하나 이상 있어야 합니다");
      for (const a of all) if ("min" in a && a.min > a.max) issue("숫자 범위의 min이 max보다 큽니다");
    }
    if (q.type === "matching" || q.type === "ordering") {
      const ids = (q.type === "matching" ? q.pairs : q.items).map((p) => p.id);
      if (new Set(ids).size !== ids.length) issue("항목 id가 중복됩니다");
    }
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
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;
export type QuizFile = z.infer<typeof quizFileSchema>;
export interface Quiz extends QuizFile {
  /** The chapter slug; one quiz per chapter. */
  id: string;
  chapterSlug: string;
}
