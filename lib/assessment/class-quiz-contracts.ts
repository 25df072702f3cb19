/**
 * Request and response shapes of class quizzes (an instructor's quiz from the bank, shared as
 * /q/<code>), shared by the route handlers, the builder and the student page. Korean messages here
 * are what a form shows.
 */
import { z } from "zod";
import type { GradedQuestion, PublicQuestion } from "../quiz/contracts";
import type { GradingPolicy } from "./exam-policy";

export const GRADING_POLICIES = ["highest", "first", "last", "average"] as const satisfies readonly GradingPolicy[];
export const FEEDBACK_MODES = ["after-attempt", "after-close"] as const;
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];
export const CLASS_QUIZ_STATUSES = ["active", "archived"] as const;
export type ClassQuizStatus = (typeof CLASS_QUIZ_STATUSES)[number];

/** Most questions one attempt can hand out (fixed ones plus every draw). */
export const MAX_QUESTIONS = 60;
/** A share code: lower-case letters and digits without look-alikes (0/o, 1/l/i). */
export const SHARE_CODE = /^[23456789abcdefghjkmnpqrstuvwxyz]{8}$/;

const optionalFilter = (what: string) =>
  z
    .string({ error: `${what}은(는) 문자열이어야 합니다.` })
    .trim()
    .max(100, `${what}이(가) 너무 깁니다.`)
    .nullish()
    .transform((v) => v || null);

/** One entry of a class quiz, in order: a fixed bank question, or a rule drawing questions at random per attempt. */
export const classQuizItemSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("fixed"),
      questionId: z.string({ error: "고정 문항의 문항 id가 필요합니다." }).min(1, "고정 문항의 문항 id가 필요합니다.").max(100),
    }),
    z.strictObject({
      kind: z.literal("draw"),
      chapterSlug: optionalFilter("장"),
      concept: optionalFilter("개념"),
      type: optionalFilter("유형"),
      count: z
        .number({ error: "뽑을 문항 수는 숫자여야 합니다." })
        .int("뽑을 문항 수는 정수여야 합니다.")
        .min(1, "뽑을 문항 수는 1~20개입니다.")
        .max(20, "뽑을 문항 수는 1~20개입니다."),
    }),
  ],
  { error: "문항 항목은 고정 문항(fixed) 또는 무작위 규칙(draw)이어야 합니다." },
);
export type ClassQuizItem = z.output<typeof classQuizItemSchema>;
export type DrawRule = Extract<ClassQuizItem, { kind: "draw" }>;

const when = (what: string) => z.iso.datetime({ error: `${what}은 ISO 8601 시각이어야 합니다.`, offset: true }).nullish().transform((v) => v ?? null);

/** POST /api/instructor/quizzes and PUT /api/instructor/quizzes/[id]: a class quiz as the builder saves it. */
export const classQuizInputSchema = z
  .strictObject({
    title: z.string({ error: "제목을 입력해 주세요." }).trim().min(1, "제목을 입력해 주세요.").max(100, "제목은 100자 이내로 입력해 주세요."),
    description: z.string({ error: "설명은 문자열이어야 합니다." }).trim().max(2000, "설명은 2,000자 이내로 입력해 주세요.").default(""),
    items: z.array(classQuizItemSchema, { error: "문항 목록이 필요합니다." }).min(1, "문항을 하나 이상 넣어 주세요.").max(MAX_QUESTIONS, `문항 항목은 ${MAX_QUESTIONS}개까지입니다.`),
    timeLimitMinutes: z
      .number({ error: "제한 시간은 분 단위 숫자여야 합니다." })
      .int("제한 시간은 정수(분)여야 합니다.")
      .min(1, "제한 시간은 1~300분입니다.")
      .max(300, "제한 시간은 1~300분입니다.")
      .nullish()
      .transform((v) => v ?? null),
    maxAttempts: z
      .number({ error: "응시 횟수는 숫자여야 합니다." })
      .int("응시 횟수는 정수여야 합니다.")
      .min(1, "응시 횟수는 1~20번입니다.")
      .max(20, "응시 횟수는 1~20번입니다.")
      .nullish()
      .transform((v) => v ?? null),
    gradingPolicy: z.enum(GRADING_POLICIES, { error: "성적 방식은 최고 점수, 첫 응시, 마지막 응시, 평균 중 하나여야 합니다." }).default("highest"),
    feedback: z.enum(FEEDBACK_MODES, { error: "피드백 시점은 응시 직후 또는 마감 후여야 합니다." }).default("after-attempt"),
    opensAt: when("시작 시각"),
    closesAt: when("마감 시각"),
  })
  .superRefine((v, ctx) => {
    if (v.opensAt && v.closesAt && Date.parse(v.closesAt) <= Date.parse(v.opensAt))
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "마감 시각은 시작 시각보다 뒤여야 합니다." });
    if (v.feedback === "after-close" && !v.closesAt)
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "마감 후 피드백을 보여 주려면 마감 시각이 필요합니다." });
  });
export type ClassQuizInput = z.input<typeof classQuizInputSchema>;
export type ClassQuizSettings = z.output<typeof classQuizInputSchema>;

/** POST /api/instructor/quizzes/[id]/status */
export const classQuizStatusSchema = z.strictObject({ status: z.enum(CLASS_QUIZ_STATUSES, { error: "상태는 active 또는 archived여야 합니다." }) });

export const classQuizIdParams = z.object({ id: z.string().min(1).max(64, "없는 퀴즈입니다.") });
export const shareCodeParams = z.object({ code: z.string().regex(SHARE_CODE, "퀴즈 링크의 코드가 올바르지 않습니다.") });

/** POST /api/q/[code]/submit (the start route takes an empty body). */
export const classQuizSubmitSchema = z.object({
  token: z.string({ error: "token(응시 토큰)이 필요합니다." }).min(1, "token(응시 토큰)이 필요합니다.").max(16_000),
  answers: z.unknown(),
});

/** A saved class quiz as the builder and the list read it. */
export interface ClassQuizDto extends ClassQuizSettings {
  id: string;
  code: string;
  status: ClassQuizStatus;
  createdAt: string;
  updatedAt: string;
}

/** What creating or saving a class quiz answers. */
export interface ClassQuizSaved {
  quiz: ClassQuizDto;
}

/** The rules of a class quiz as a learner sees them before starting. */
export interface ClassQuizRules {
  timeLimitSec: number | null;
  maxAttempts: number | null;
  attemptsUsed: number;
  /** null when unlimited. */
  attemptsLeft: number | null;
  gradingPolicy: GradingPolicy;
  feedback: FeedbackMode;
  opensAt: string | null;
  closesAt: string | null;
}

/** POST /api/q/[code]/start */
export interface ClassQuizStartResponse {
  token: string;
  attemptId: string;
  attemptNo: number;
  startedAt: string;
  /** ISO time after which the server refuses the submission (time limit or closing), or null. */
  deadline: string | null;
  timeLimitSec: number | null;
  questions: PublicQuestion[];
}

/** POST /api/q/[code]/submit */
export interface ClassQuizSubmitResponse {
  attemptId: string;
  attemptNo: number;
  score: number;
  maxScore: number;
  /** Whether keys and feedback are shown now (after each attempt, or once the quiz closed). */
  feedbackShown: boolean;
  /** The questions as shown, to render the feedback next to; empty when feedback waits for closing. */
  questions: PublicQuestion[];
  results: GradedQuestion[];
  attemptsLeft: number | null;
  /** The learner's grade under the quiz's policy after this attempt, 0..1. */
  grade: number;
}
