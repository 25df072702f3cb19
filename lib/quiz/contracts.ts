/**
 * Shared request and response contracts of quiz grading, imported by the server and the client
 * alike (never copied): what a learner sees before answering, what they send, what comes back.
 */
import { z } from "zod";

const id = z.string();
const text = z.string();
const choice = z.strictObject({ id, text });

/** A question as a learner may see it before submitting: no keys, weights, feedback or explanation. */
export const publicQuestionSchema = z.discriminatedUnion("type", [
  z.strictObject({ id, type: z.literal("single"), prompt: text, options: z.array(choice) }),
  z.strictObject({ id, type: z.literal("multiple"), prompt: text, options: z.array(choice) }),
  z.strictObject({ id, type: z.literal("true-false"), prompt: text }),
  z.strictObject({ id, type: z.literal("short-answer"), prompt: text }),
  z.strictObject({ id, type: z.literal("numeric"), prompt: text }),
  z.strictObject({ id, type: z.literal("matching"), prompt: text, items: z.array(z.strictObject({ id, prompt: text })), choices: z.array(text) }),
  z.strictObject({ id, type: z.literal("ordering"), prompt: text, items: z.array(choice) }),
  z.strictObject({ id, type: z.literal("essay"), prompt: text }),
  z.strictObject({
    id,
    type: z.literal("simulation"),
    /** The authored lead-in, if any. */
    lead: text.optional(),
    prompt: text,
    seed: z.number().int(),
    summary: z.array(text),
    choices: z.array(choice),
    multiple: z.boolean(),
    /** Opens this exact scenario in the chapter's widget. */
    scenarioHref: text,
  }),
]);
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

export const publicQuizSchema = z.strictObject({
  id,
  chapterSlug: id,
  title: text,
  /** Seed that shuffled options and drew simulation scenarios; send it back with the answers. */
  attemptSeed: z.number().int().optional(),
  questions: z.array(publicQuestionSchema),
});
export type PublicQuiz = z.infer<typeof publicQuizSchema>;

export const quizModeSchema = z.enum(["practice", "exam"]);
export type QuizMode = z.infer<typeof quizModeSchema>;
export const confidenceSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** POST body of a quiz submission. `answers` values are checked per question by `checkSubmission`. */
export const submissionRequestSchema = z.strictObject({
  answers: z.record(z.string(), z.unknown(), { error: "제출 형식이 올바르지 않습니다: answers 객체가 필요합니다." }),
  idempotencyKey: z.string({ error: "idempotencyKey는 문자열이어야 합니다." }).min(8, "idempotencyKey는 8~100자여야 합니다.").max(100, "idempotencyKey는 8~100자여야 합니다.").optional(),
  startedAt: z.iso.datetime({ error: "startedAt은 ISO 8601 시각이어야 합니다." }).optional(),
  attemptSeed: z.number({ error: "attemptSeed는 정수여야 합니다." }).int("attemptSeed는 정수여야 합니다.").min(0).max(2 ** 32 - 1).optional(),
  /** Certainty-based marking (practice mode): confidence 1–3 per question id. */
  confidence: z.record(z.string(), confidenceSchema, { error: "confidence는 문항 id별 1~3 값이어야 합니다." }).optional(),
});
export type SubmissionRequest = z.infer<typeof submissionRequestSchema>;

const numericKey = z.union([z.strictObject({ value: z.number(), tolerance: z.number() }), z.strictObject({ min: z.number(), max: z.number() })]);
const scenarioKey = z.strictObject({
  seed: z.number(),
  choice: z.array(id),
  scenario: z.looseObject({ engineVersion: z.string(), kind: z.string(), profile: z.string(), seed: z.number() }),
  prompt: text,
  summary: z.array(text),
  choices: z.array(choice),
});
const resultBase = {
  questionId: id,
  correct: z.boolean(),
  score: z.number().min(0).max(1),
  answered: z.boolean(),
  explanation: text.optional(),
  feedback: z.array(text).optional(),
  pending: z.boolean().optional(),
  cbm: z.strictObject({ confidence: confidenceSchema, mark: z.number() }).optional(),
};
const result = <T extends string, K extends z.ZodType>(type: T, key: K) =>
  z.strictObject({ ...resultBase, type: z.literal(type), correctAnswer: key.optional() });

/** One graded question; `correctAnswer` and `explanation` are absent when the mode withholds them. */
export const gradedQuestionSchema = z.discriminatedUnion("type", [
  result("single", id),
  result("multiple", z.array(id)),
  result("true-false", z.boolean()),
  result("short-answer", z.array(text)),
  result("numeric", numericKey),
  result("matching", z.record(z.string(), text)),
  result("ordering", z.array(id)),
  result("essay", text),
  result("simulation", scenarioKey),
]);
export type GradedQuestion = z.infer<typeof gradedQuestionSchema>;

/** Response of a graded submission. In exam mode without the learner's own attempt, nothing is revealed. */
export const gradedResponseSchema = z.strictObject({
  mode: quizModeSchema,
  attemptId: z.string().optional(),
  saved: z.boolean().optional(),
  /** Null while the mode withholds results. */
  score: z.number().nullable(),
  maxScore: z.number(),
  revealed: z.boolean(),
  message: text.optional(),
  results: z.array(gradedQuestionSchema),
  cbm: z.strictObject({ total: z.number(), average: z.number(), max: z.number() }).optional(),
});
export type GradedResponse = z.infer<typeof gradedResponseSchema>;
