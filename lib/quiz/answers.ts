/**
 * What a learner may send for each question, as zod schemas built from the question itself (option
 * ids, pairs, items, seed range), so a response of the wrong shape is a Korean 400, never a grade.
 */
import { z } from "zod";
import type { Answer } from "./graders";
import type { Question, Quiz } from "./schema";
import { instantiate, seedInRange } from "./simulation";

/** What to send, per type, for error messages. */
export const ANSWER_HINT: Record<Question["type"], string> = {
  single: "보기 id 하나(문자열)",
  multiple: "보기 id 목록(문자열 배열)",
  "true-false": "true 또는 false",
  "short-answer": "문자열",
  numeric: "숫자",
  matching: "항목 id별로 고른 답({ a: \"…\" })",
  ordering: "모든 항목 id를 순서대로 담은 배열",
  essay: "{ text, selfAssessment? } 객체",
  simulation: "{ seed, choice } 객체",
};

const MAX_TEXT = 500;
const MAX_ESSAY = 5000;

function oneOf(ids: readonly string[]) {
  return z.string().refine((x) => ids.includes(x), { message: "보기에 없는 id입니다" });
}

const distinct = (xs: readonly string[]) => new Set(xs).size === xs.length;

/** The zod schema of one question's answer. */
export function answerSchema(q: Question): z.ZodType<Answer> {
  let schema = answerSchemas.get(q);
  if (!schema) answerSchemas.set(q, (schema = buildAnswerSchema(q)));
  return schema;
}
const answerSchemas = new WeakMap<Question, z.ZodType<Answer>>();

function buildAnswerSchema(q: Question): z.ZodType<Answer> {
  switch (q.type) {
    case "single":
      return oneOf(q.options.map((o) => o.id));
    case "multiple":
      return z.array(oneOf(q.options.map((o) => o.id))).refine(distinct, { message: "같은 보기를 두 번 골랐습니다" });
    case "true-false":
      return z.boolean();
    case "short-answer":
      return z.string().max(MAX_TEXT, `답은 ${MAX_TEXT}자 이하여야 합니다`);
    case "numeric":
      return z.number().finite();
    case "matching": {
      const choices = new Set([...q.pairs.map((p) => p.answer), ...(q.distractors ?? [])]);
      const shape = Object.fromEntries(q.pairs.map((p) => [p.id, z.string().refine((x) => choices.has(x), { message: "고를 수 있는 답이 아닙니다" }).optional()]));
      return z.strictObject(shape) as unknown as z.ZodType<Answer>;
    }
    case "ordering": {
      const ids = q.items.map((i) => i.id);
      return z
        .array(oneOf(ids))
        .refine((xs) => xs.length === ids.length && distinct(xs), { message: "모든 항목을 한 번씩 담아야 합니다" });
    }
    case "essay":
      return z.strictObject({
        text: z.string().max(MAX_ESSAY, `서술형 답은 ${MAX_ESSAY}자 이하여야 합니다`),
        selfAssessment: z.union([z.literal(0), z.literal(0.5), z.literal(1)]).optional(),
      });
    case "simulation":
      return z
        .strictObject({
          seed: z.number().int().refine((s) => seedInRange(q, s), { message: "이 문항의 시나리오 번호가 아닙니다" }),
          choice: z.union([z.string().max(20), z.array(z.string().max(20)).max(20)]),
        })
        .refine(
          (a) => {
            const inst = instantiate(q, a.seed);
            const picked = typeof a.choice === "string" ? [a.choice] : a.choice;
            return (inst.multiple || typeof a.choice === "string") && distinct(picked) && picked.every((c) => inst.choices.some((x) => x.id === c));
          },
          { message: "이 시나리오의 선택지가 아닙니다" },
        );
  }
}

// Building a zod schema costs far more than running it; a quiz object is kept while it is unchanged (the
// bank cache hands out the same object), so its schema is built once.
const submissionSchemas = new WeakMap<Quiz, ReturnType<typeof buildSubmissionSchema>>();

/** A strict object schema for a whole submission: unknown question ids are rejected. */
export function submissionSchema(quiz: Quiz) {
  let schema = submissionSchemas.get(quiz);
  if (!schema) submissionSchemas.set(quiz, (schema = buildSubmissionSchema(quiz)));
  return schema;
}

function buildSubmissionSchema(quiz: Quiz) {
  return z.strictObject(Object.fromEntries(quiz.questions.map((q) => [q.id, answerSchema(q).nullish()])));
}
