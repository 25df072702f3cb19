import { z } from "zod";
import { ROLES } from "../auth/roles";
import { submissionRequestSchema } from "../quiz/contracts";

// Request and response shapes of every API route, shared by the route handlers (which validate
// with them) and the client components (which import the inferred types). Korean messages here are
// what a form shows.

/** `{ error, code?, retryAfter? }`: the body of every 4xx/5xx from the server boundary. */
export const apiErrorSchema = z.object({ error: z.string(), code: z.string().optional(), retryAfter: z.number().optional() });
export type ApiError = z.infer<typeof apiErrorSchema>;

const email = (msg: string) => z.string({ error: msg }).trim().toLowerCase().max(254, "이메일은 254자 이내로 입력해 주세요.").pipe(z.email(msg));

/** Sign-in fields posted to Auth.js's credentials callback. */
export const credentialsSchema = z.object({
  email: email("올바른 이메일 주소를 입력해 주세요."),
  password: z.string().min(1).max(200),
});

/** POST /api/signup */
export const signupRequestSchema = z.object({
  name: z.string({ error: "이름을 입력해 주세요." }).trim().min(1, "이름을 입력해 주세요.").max(40, "이름은 40자 이내로 입력해 주세요."),
  email: email("올바른 이메일 주소를 입력해 주세요."),
  password: z
    .string({ error: "비밀번호를 입력해 주세요." })
    .min(8, "비밀번호는 8자 이상이어야 합니다.")
    .max(200, "비밀번호는 200자 이하여야 합니다."),
});
export type SignupRequest = z.input<typeof signupRequestSchema>;
export const signupResponseSchema = z.object({ user: z.object({ email: z.string(), name: z.string() }) });
export type SignupResponse = z.infer<typeof signupResponseSchema>;

/** The signed-in user as GET /api/auth/session reports it (role confirmed by the database). */
export const sessionUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES) });
export type SessionUserDto = z.infer<typeof sessionUserSchema>;
/** GET /api/auth/session: `{ user }` or null when signed out. */
export const sessionResponseSchema = z.object({ user: sessionUserSchema }).nullable();
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** One chapter's reading state and best quiz score. */
export const chapterProgressSchema = z.object({
  chapterSlug: z.string(),
  readAt: z.string().nullable(),
  bestScore: z.number().nullable(),
  maxScore: z.number().nullable(),
  attempts: z.number().int(),
});
export type ChapterProgressDto = z.infer<typeof chapterProgressSchema>;
/** GET /api/progress */
export const progressResponseSchema = z.object({ progress: z.array(chapterProgressSchema) });
export type ProgressResponse = z.infer<typeof progressResponseSchema>;

/** POST /api/progress/read */
export const markReadRequestSchema = z.object({
  chapter: z.string({ error: "chapter(장 식별자)가 필요합니다." }).min(1, "chapter(장 식별자)가 필요합니다.").max(100, "chapter(장 식별자)가 너무 깁니다."),
});
export type MarkReadRequest = z.infer<typeof markReadRequestSchema>;
export const markReadResponseSchema = z.object({ chapter: z.string(), readAt: z.string() });
export type MarkReadResponse = z.infer<typeof markReadResponseSchema>;

/**
 * POST /api/quizzes/[slug]/attempts: lib/quiz owns the shape (answers checked per question, the attempt
 * seed that instantiated simulation questions, optional certainty per answer); re-exported here so every
 * route's contract is found in one place.
 */
export const attemptRequestSchema = submissionRequestSchema;
export type AttemptRequest = z.input<typeof attemptRequestSchema>;

/** One graded question in an attempt's answer (the key is revealed only here, after submitting). */
export const questionResultSchema = z.object({
  questionId: z.string(),
  correct: z.boolean(),
  score: z.number(),
  answered: z.boolean(),
  correctAnswer: z.unknown(),
  explanation: z.string(),
});
export const attemptResponseSchema = z.object({
  attemptId: z.string(),
  /** False for anonymous submissions (graded, kept for statistics, not in anyone's progress). */
  saved: z.boolean(),
  /** True when this answers a repeated idempotency key: the stored attempt's grade. */
  replayed: z.boolean(),
  score: z.number(),
  maxScore: z.number(),
  results: z.array(questionResultSchema),
});
export type AttemptResponse = z.infer<typeof attemptResponseSchema>;

/** Route-segment params: a chapter slug. */
export const slugParamsSchema = z.object({ slug: z.string().max(100) });

/** Class quizzes (/instructor/quizzes, /api/q/[code]/*): lib/assessment owns the shapes; listed here with the rest. */
export { classQuizInputSchema, classQuizStatusSchema, classQuizSubmitSchema, type ClassQuizDto, type ClassQuizInput, type ClassQuizStartResponse, type ClassQuizSubmitResponse } from "../assessment/class-quiz-contracts";
