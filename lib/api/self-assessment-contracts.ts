// Request and response shapes of an essay's self-assessment (POST /api/review/self-assessment),
// shared by the route, the DB function and the rating buttons. Korean messages are what the UI shows.
import { z } from "zod";
import { MASTERY_LEVELS } from "../assessment/mastery";

/** The marks a learner may give their own essay against the model answer (Moodle's self-assessment). */
export const SELF_ASSESSMENT_LEVELS = [0, 0.5, 1] as const;
export type SelfAssessmentLevel = (typeof SELF_ASSESSMENT_LEVELS)[number];

/** What each mark means, as the rating buttons and the instructor's queue say it. */
export const SELF_ASSESSMENT_LABEL: Record<SelfAssessmentLevel, string> = { 0: "부족함", 0.5: "일부 맞음", 1: "충분함" };
/** A longer hint under each button. */
export const SELF_ASSESSMENT_HINT: Record<SelfAssessmentLevel, string> = {
  0: "모범 답안의 핵심을 거의 담지 못했습니다",
  0.5: "핵심 일부를 담았지만 빠진 것이 있습니다",
  1: "모범 답안의 핵심을 모두 담았습니다",
};

/** "일부 맞음 (0.5점)", or "하지 않음" when the learner has not rated the answer. */
export function selfAssessmentText(s: number | null | undefined): string {
  if (s === null || s === undefined) return "하지 않음";
  const label = SELF_ASSESSMENT_LABEL[s as SelfAssessmentLevel];
  return label ? `${label} (${s}점)` : `${s}점`;
}

const level = z.union([z.literal(0), z.literal(0.5), z.literal(1)], {
  error: "스스로 채점은 0(부족함), 0.5(일부 맞음), 1(충분함) 중 하나여야 합니다.",
});
const idField = (what: string) =>
  z.string({ error: `${what}가 필요합니다.` }).min(1, `${what}가 필요합니다.`).max(100, `${what}가 너무 깁니다.`);

/**
 * POST /api/review/self-assessment. A practice, review or exam answer is named by its answer id
 * (`target: "log"`, given back when it was recorded or shown on the results page); a chapter or class
 * quiz essay by its attempt and question (`target: "response"`).
 */
export const selfAssessRequestSchema = z.discriminatedUnion(
  "target",
  [
    z.strictObject({ target: z.literal("log"), id: idField("id(답안 id)"), selfAssessment: level }),
    z.strictObject({
      target: z.literal("response"),
      attemptId: idField("attemptId(응시 id)"),
      questionId: idField("questionId(문항 id)"),
      selfAssessment: level,
    }),
  ],
  { error: "target은 log 또는 response여야 합니다." },
);
export type SelfAssessRequest = z.infer<typeof selfAssessRequestSchema>;

const masteryLevel = z.enum(MASTERY_LEVELS);

export const selfAssessResponseSchema = z.object({
  selfAssessment: level,
  /** The answer's score now: the self-assessment. */
  score: z.number(),
  /** The chapter quiz's, class quiz's or exam's total after the rating; null for practice and review. */
  attemptScore: z.number().nullable(),
  /** Concept mastery before and after the rating (practice, review and exam answers). */
  mastery: z.array(z.object({ concept: z.string(), before: masteryLevel, after: masteryLevel })),
});
export type SelfAssessResponse = z.infer<typeof selfAssessResponseSchema>;

/** Why a self-assessment is refused once an instructor has marked the answer (HTTP 409). */
export const SELF_ASSESSMENT_GRADED_MESSAGE = "강사가 이미 채점한 답안입니다. 강사 채점이 점수로 쓰입니다.";
/** The answer is not the learner's own essay answer, or does not exist (HTTP 404: nothing leaks). */
export const SELF_ASSESSMENT_NOT_FOUND_MESSAGE = "내 서술형 답안을 찾지 못했습니다.";
