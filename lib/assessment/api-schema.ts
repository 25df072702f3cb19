/** Request and response shapes of the assessment routes, shared by server and client. */
import { z } from "zod";
import type { GradedQuestion, PublicQuestion } from "../quiz/contracts";
import type { MasteryLevel } from "./mastery";

/** The largest body the assessment routes read (an exam of 200 answers fits many times over). */
export const ASSESSMENT_BODY_LIMIT = 32 * 1024;

const confidence = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "confidence는 1, 2, 3 중 하나여야 합니다." });

/** POST /api/review/answers: one answer in chapter practice or today's review. */
export const answerRequestSchema = z.object({
  questionId: z.string({ error: "questionId(문항 id)가 필요합니다." }).min(1).max(100, "questionId가 너무 깁니다."),
  answer: z.unknown(),
  source: z.enum(["practice", "review"], { error: "source는 practice 또는 review여야 합니다." }),
  confidence: confidence.optional(),
  /** The one retry practice allows; graded but not recorded. */
  retry: z.boolean({ error: "retry는 true 또는 false여야 합니다." }).optional(),
});
export type AnswerRequest = z.infer<typeof answerRequestSchema>;

export interface MasteryChange {
  concept: string;
  before: MasteryLevel;
  after: MasteryLevel;
}

export interface AnswerResponse {
  questionId: string;
  correct: boolean;
  score: number;
  /** The graded question; its `correctAnswer` is present once the learner may see it (a right answer, the retry, any review answer). */
  graded: GradedQuestion;
  /** Practice allows one more try after a first answer that is not fully right. */
  canRetry: boolean;
  recorded: boolean;
  /** The recorded answer's id (for rating an essay against its model answer), for recorded answers. */
  answerId?: string;
  /** When this question is next due in 오늘의 복습 (ISO), for recorded answers. */
  nextDue?: string;
  mastery: MasteryChange[];
}

/** POST /api/exam: start a course exam. */
export const examStartSchema = z.object({
  timeLimitMinutes: z
    .number({ error: "timeLimitMinutes는 분 단위 숫자여야 합니다." })
    .int("timeLimitMinutes는 정수여야 합니다.")
    .min(1, "제한 시간은 1~180분입니다.")
    .max(180, "제한 시간은 1~180분입니다.")
    .nullable()
    .optional(),
});

export interface ExamStartResponse {
  token: string;
  attemptId: string;
  startedAt: string;
  /** ISO time after which the server refuses the submission, or null when untimed. */
  deadline: string | null;
  timeLimitSec: number | null;
  passRatio: number;
  questions: PublicQuestion[];
}

/** POST /api/exam/submit. */
export const examSubmitSchema = z.object({
  token: z.string({ error: "token(시험 응시 토큰)이 필요합니다." }).min(1, "token(시험 응시 토큰)이 필요합니다.").max(16_000),
  answers: z.unknown(),
});

export interface ExamSubmitResponse {
  attemptId: string;
  score: number;
  maxScore: number;
  passed: boolean;
  passRatio: number;
}
