// Request schemas of the instructor area, shared by the route handlers and the editor (no copied types).
import { z } from "zod";
import { MAX_SCENARIO_CHARS, readScenarioParam } from "../kafka/scenario";
import { questionSchema, type Question } from "../quiz/schema";

export const QUESTION_STATUSES = ["draft", "published", "archived"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const STATUS_LABEL: Record<QuestionStatus, string> = { draft: "초안", published: "게시됨", archived: "보관됨" };
/** A question without its id, as the editor and GIFT import produce it (the bank assigns ids). */
export type QuestionDraft = Question extends infer Q ? (Q extends Question ? Omit<Q, "id"> : never) : never;

const CHAPTER_SLUG = /^\d{2}-[a-z0-9-]+$/;
export const chapterSlugSchema = z.string().regex(CHAPTER_SLUG, "장을 골라 주세요.");
export const statusSchema = z.enum(QUESTION_STATUSES, { error: "상태는 초안·게시됨·보관됨 중 하나입니다." });

/** Field path → Korean message, for the editor to show next to each field. */
export type FieldErrors = Record<string, string>;

/** What saving a question (POST or PUT) answers; `changed: false` when the edit changed nothing. */
export interface QuestionSaved {
  id: string;
  version: number;
  changed: boolean;
}

function koreanMessage(issue: z.core.$ZodIssue): string {
  // Our own schema messages are already Korean; zod's built-in ones are not.
  if (/[가-힣]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "too_small":
      return issue.origin === "array" ? `${issue.minimum}개 이상 있어야 합니다.` : "비워 둘 수 없습니다.";
    case "too_big":
      return issue.origin === "array" ? `${issue.maximum}개까지만 넣을 수 있습니다.` : `${issue.maximum}자 이하로 써 주세요.`;
    case "invalid_type":
      return "값의 형식이 올바르지 않습니다.";
    case "invalid_union":
      return "문제 유형을 골라 주세요.";
    default:
      return "값이 올바르지 않습니다.";
  }
}

/** Turns zod issues into one Korean message per field path (the first issue of each field wins). */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    let key = issue.path.join(".") || "question";
    // Cross-field checks of questionSchema name the answer in their message.
    if (!issue.path.length && /정답/.test(issue.message)) key = "answer";
    if (!issue.path.length && /보기 id|가중치/.test(issue.message)) key = "options";
    if (!issue.path.length && /숫자 범위/.test(issue.message)) key = "answer";
    if (!issue.path.length && /항목 id/.test(issue.message)) key = "pairs";
    out[key] ??= koreanMessage(issue).replace(/^[a-z0-9-]+: /, "");
  }
  return out;
}

const MAX_TEXT = 5_000;

/** The editor's payload: where the question lives and what it says. */
export const questionInputSchema = z.object({
  chapterSlug: chapterSlugSchema,
  status: statusSchema.optional(),
  question: z.record(z.string(), z.unknown()),
});
export type QuestionInput = z.infer<typeof questionInputSchema>;

/** Validates an edited question as the quiz engine will grade it; errors are keyed by field. */
export function validateQuestionDraft(
  raw: unknown,
): { ok: true; question: QuestionDraft } | { ok: false; fieldErrors: FieldErrors } {
  const text = JSON.stringify(raw ?? null);
  if (text.length > MAX_TEXT * 10) return { ok: false, fieldErrors: { question: "문제가 너무 깁니다." } };
  const parsed = questionSchema.safeParse({ ...(raw as object), id: "draft" });
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
  const { id: _id, ...question } = parsed.data;
  void _id;
  return { ok: true, question: question as QuestionDraft };
}

export const statusChangeSchema = z.object({ status: statusSchema });
export const giftImportSchema = z.object({
  text: z.string({ error: "GIFT 텍스트가 필요합니다." }).min(1, "GIFT 텍스트가 비어 있습니다."),
  chapterSlug: chapterSlugSchema,
  /** false: only parse and show; true: save when there are no errors */
  save: z.boolean().default(false),
});
export const roleChangeSchema = z.object({ role: z.enum(["student", "instructor", "admin"], { error: "역할은 수강생·강사·관리자 중 하나입니다." }) });

export const idParams = z.object({ id: z.string().min(1).max(100) });
export const quizParams = z.object({ quiz: z.string().min(1).max(100) });

/** A 400 whose body names each invalid field in Korean, for the editor to show beside it. */
export function fieldErrorResponse(fieldErrors: FieldErrors): Response {
  return Response.json({ error: "입력한 내용을 확인해 주세요.", code: "invalid", fieldErrors }, { status: 400, headers: { "cache-control": "no-store" } });
}

/** A widget's id on its page (the same form as in `?scenario=<widgetId>.…`). */
export const WIDGET_ID = /^[a-z][a-z0-9-]{0,39}$/;

/** A report's `?scenario=` value decoded for its widget: null when it names another widget; never throws. */
export function readReportScenario(scenario: string, widget: string): ReturnType<typeof readScenarioParam> {
  try {
    return readScenarioParam(scenario, widget);
  } catch {
    // A payload nested thousands of levels deep overflows the validator's stack: refuse it as text.
    return { ok: false, error: { code: "INVALID_EVENT", message: "공유된 실행을 열 수 없습니다: 시나리오가 너무 깊게 중첩되어 있습니다." } };
  }
}

/**
 * A learner's "문제 신고": about a question (with the version seen) or a widget, with its simulator run
 * as the `?scenario=` value `<widgetId>.<payload>`; that run must decode and belong to the widget, so
 * every stored scenario replays.
 */
export const problemReportSchema = z
  .strictObject({
    chapterSlug: chapterSlugSchema,
    questionId: z.string().max(100).optional(),
    widget: z.string().regex(WIDGET_ID, "위젯 이름이 올바르지 않습니다.").optional(),
    scenario: z.string().max(MAX_SCENARIO_CHARS + 41, "시나리오가 너무 깁니다.").optional(),
    message: z.string().trim().min(1, "무엇이 문제인지 적어 주세요.").max(2_000, "2,000자 이하로 적어 주세요."),
  })
  .superRefine((r, ctx) => {
    if (!r.questionId && !r.widget) ctx.addIssue({ code: "custom", message: "신고할 문제나 위젯이 필요합니다." });
    if (r.scenario === undefined) return;
    const found = r.widget ? readReportScenario(r.scenario, r.widget) : null;
    if (!found) ctx.addIssue({ code: "custom", path: ["scenario"], message: "시나리오가 이 위젯의 것이 아닙니다." });
    else if (!found.ok) ctx.addIssue({ code: "custom", path: ["scenario"], message: found.error.message });
  });
export type ProblemReportInput = z.infer<typeof problemReportSchema>;
