// Request and response shapes of essay grading (/instructor/grading, /api/instructor/grading),
// shared by the route handlers, the page and the grading form. Korean messages are what the form shows.
import { z } from "zod";

/** Where an essay answer was written: a chapter quiz (an Attempt's Response) or practice, review, exam (a ReviewLog). */
export const ESSAY_SOURCES = ["quiz", "practice", "review", "exam"] as const;
export type EssaySource = (typeof ESSAY_SOURCES)[number];
export const ESSAY_SOURCE_LABEL: Record<EssaySource, string> = {
  quiz: "장 퀴즈",
  practice: "장 연습",
  review: "오늘의 복습",
  exam: "종합 평가",
};

/** The two kinds of stored answer an essay grade can belong to. */
export const ESSAY_TARGETS = ["response", "log"] as const;
export type EssayTarget = (typeof ESSAY_TARGETS)[number];

/** Each essay is worth one point, like every question; an instructor may give part of it. */
export const ESSAY_MAX_SCORE = 1;
export const ESSAY_COMMENT_MAX = 2000;

export const GRADING_STATES = ["pending", "graded", "all"] as const;
export type GradingState = (typeof GRADING_STATES)[number];
export const GRADING_STATE_LABEL: Record<GradingState, string> = { pending: "채점 대기", graded: "채점 완료", all: "전체" };

/** POST /api/instructor/grading: an instructor's mark (and optional comment) for one essay answer. */
export const gradeEssayRequestSchema = z.strictObject({
  target: z.enum(ESSAY_TARGETS, { error: "target은 response 또는 log여야 합니다." }),
  id: z.string({ error: "id(답안 id)가 필요합니다." }).min(1, "id(답안 id)가 필요합니다.").max(100, "id가 너무 깁니다."),
  score: z
    .number({ error: "점수는 0에서 1 사이의 숫자여야 합니다." })
    .min(0, "점수는 0 이상이어야 합니다.")
    .max(ESSAY_MAX_SCORE, `점수는 ${ESSAY_MAX_SCORE} 이하여야 합니다.`)
    .refine((x) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6, { message: "점수는 소수 둘째 자리까지 줄 수 있습니다." }),
  comment: z
    .string({ error: "의견은 글자여야 합니다." })
    .trim()
    .max(ESSAY_COMMENT_MAX, `의견은 ${ESSAY_COMMENT_MAX}자 이하로 써 주세요.`)
    .optional(),
});
export type GradeEssayRequest = z.input<typeof gradeEssayRequestSchema>;

/** One entry of an answer's grading trail (newest first in lists). */
export const essayGradeSchema = z.object({
  score: z.number(),
  comment: z.string().nullable(),
  graderName: z.string().nullable(),
  gradedAt: z.string(),
});
export type EssayGradeDto = z.infer<typeof essayGradeSchema>;

/** A grading time as the course shows it (Korean time, the same on the server and in the browser). */
export function kstText(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t + 9 * 3600_000).toISOString().slice(0, 16).replace("T", " ")} (한국 시간)`;
}

/** One line of the grading trail: the mark, who gave it, when. */
export const gradeLine = (g: EssayGradeDto) =>
  `${g.score} / ${ESSAY_MAX_SCORE}점 · ${g.graderName ?? "탈퇴한 사용자"} · ${kstText(g.gradedAt)}`;

export const gradeEssayResponseSchema = z.object({
  target: z.enum(ESSAY_TARGETS),
  id: z.string(),
  grade: essayGradeSchema,
  /** The score of the attempt the answer belongs to, after the grade (chapter quiz or exam), else null. */
  attemptScore: z.number().nullable(),
});
export type GradeEssayResponse = z.infer<typeof gradeEssayResponseSchema>;

/** GET /api/instructor/grading?chapter=&question=&state= : the queue, filtered. */
export const gradingQuerySchema = z.object({
  chapter: z
    .string()
    .regex(/^\d{2}-[a-z0-9-]{1,80}$/, "장을 골라 주세요.")
    .optional(),
  question: z.string().max(100, "문항 id가 너무 깁니다.").optional(),
  state: z.enum(GRADING_STATES, { error: "상태는 pending, graded, all 중 하나입니다." }).optional(),
});
export type GradingQuery = z.infer<typeof gradingQuerySchema>;

/** One essay answer in the instructor's queue. */
export const gradingItemSchema = z.object({
  target: z.enum(ESSAY_TARGETS),
  id: z.string(),
  source: z.enum(ESSAY_SOURCES),
  chapterSlug: z.string(),
  questionId: z.string(),
  prompt: z.string(),
  modelAnswer: z.string(),
  text: z.string(),
  selfAssessment: z.number().nullable(),
  /** The score the answer carries now (self-assessment until an instructor grades it). */
  score: z.number(),
  learnerName: z.string(),
  answeredAt: z.string(),
  /** Newest first; empty while the answer awaits a mark. */
  grades: z.array(essayGradeSchema),
});
export type GradingItem = z.infer<typeof gradingItemSchema>;
export const gradingQueueResponseSchema = z.object({ items: z.array(gradingItemSchema) });
export type GradingQueueResponse = z.infer<typeof gradingQueueResponseSchema>;
