/** Converts between GIFT questions and the course's question schema (for import into and export from the bank). */
import type { GiftQuestion } from "./gift-types";
import { questionSchema, type Question } from "./schema";

export type FromGift = { ok: true; question: Question } | { ok: false; message: string };

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const NO_EXPLANATION = "해설이 아직 없습니다.";

/**
 * A GIFT question as a course question with the given id and concepts. General feedback becomes the
 * explanation (an essay's becomes its model answer); a description is not a question.
 */
export function fromGift(g: GiftQuestion, meta: { id: string; concepts: string[] }): FromGift {
  const base = { id: meta.id, concepts: meta.concepts, prompt: g.prompt, explanation: g.generalFeedback ?? NO_EXPLANATION };
  let draft: unknown;
  switch (g.type) {
    case "description":
      return { ok: false, message: `${g.line}번째 줄: 설명(description)은 문항이 아니라 가져올 수 없습니다.` };
    case "single":
    case "multiple": {
      const options = g.answers.map((a, i) => ({
        id: LETTERS[i],
        text: a.text,
        ...(a.feedback ? { feedback: a.feedback } : {}),
        ...(g.type === "multiple" || (a.weight !== 0 && a.weight !== 1) ? { weight: a.weight } : {}),
      }));
      const keys = options.filter((_, i) => (g.type === "single" ? g.answers[i].weight === 1 : g.answers[i].weight > 0)).map((o) => o.id);
      // A single choice has one key; further full-credit options keep their weight of 1.
      if (g.type === "single") for (const o of options.filter((o) => keys.slice(1).includes(o.id))) Object.assign(o, { weight: 1 });
      draft = { ...base, type: g.type, options, answer: g.type === "single" ? keys[0] : keys };
      break;
    }
    case "truefalse":
      draft = { ...base, type: "true-false", answer: g.answer };
      break;
    case "short":
      draft = { ...base, type: "short-answer", answer: g.answers.map((a) => (a.weight === 1 && !a.feedback ? a.text : { text: a.text, weight: a.weight, ...(a.feedback ? { feedback: a.feedback } : {}) })) };
      break;
    case "numeric":
      draft = {
        ...base,
        type: "numeric",
        answer: g.answers.map((a) => ({ ...(a.range ? { min: a.range.min, max: a.range.max } : { value: a.value, tolerance: a.tolerance }), ...(a.weight !== 1 ? { weight: a.weight } : {}) })),
      };
      break;
    case "matching": {
      const real = g.pairs.filter((p) => p.question !== "");
      draft = {
        ...base,
        type: "matching",
        pairs: real.map((p, i) => ({ id: LETTERS[i], prompt: p.question, answer: p.answer })),
        ...(real.length < g.pairs.length ? { distractors: g.pairs.filter((p) => p.question === "").map((p) => p.answer) } : {}),
      };
      break;
    }
    case "essay":
      if (!g.generalFeedback) return { ok: false, message: `${g.line}번째 줄: 서술형 문항에는 모범 답안이 필요합니다 ('####' 뒤에 쓰세요).` };
      draft = { ...base, type: "essay", modelAnswer: g.generalFeedback, explanation: "모범 답안과 비교해 스스로 채점해 보세요." };
      break;
  }
  const parsed = questionSchema.safeParse(draft);
  return parsed.success ? { ok: true, question: parsed.data } : { ok: false, message: `${g.line}번째 줄: ${parsed.error.issues[0].message}` };
}

/** A course question as GIFT, or null for types GIFT cannot express (ordering, simulation). */
export function toGiftQuestion(q: Question): GiftQuestion | null {
  const common = { name: q.id, prompt: q.prompt ?? "", format: "markdown" as const, line: 1, ...(q.explanation ? { generalFeedback: q.explanation } : {}) };
  switch (q.type) {
    case "single":
      return { ...common, type: "single", answers: q.options.map((o) => ({ text: o.text, weight: o.weight ?? (o.id === q.answer ? 1 : 0), ...(o.feedback ? { feedback: o.feedback } : {}) })) };
    case "multiple": {
      const k = q.answer.length;
      return { ...common, type: "multiple", answers: q.options.map((o) => ({ text: o.text, weight: o.weight ?? (q.answer.includes(o.id) ? 1 / k : -1 / k), ...(o.feedback ? { feedback: o.feedback } : {}) })) };
    }
    case "true-false":
      return { ...common, type: "truefalse", answer: q.answer };
    case "short-answer":
      return { ...common, type: "short", answers: q.answer.map((a) => (typeof a === "string" ? { text: a, weight: 1 } : a)) };
    case "numeric":
      return {
        ...common,
        type: "numeric",
        answers: (Array.isArray(q.answer) ? q.answer : [q.answer]).map((a) =>
          "min" in a ? { value: (a.min + a.max) / 2, tolerance: a.max - (a.min + a.max) / 2, range: { min: a.min, max: a.max }, weight: a.weight ?? 1 } : { value: a.value, tolerance: a.tolerance, weight: a.weight ?? 1 },
        ),
      };
    case "matching":
      return { ...common, type: "matching", pairs: [...q.pairs.map((p) => ({ question: p.prompt, answer: p.answer })), ...(q.distractors ?? []).map((d) => ({ question: "", answer: d }))] };
    case "essay":
      return { ...common, type: "essay", generalFeedback: q.modelAnswer };
    default:
      return null;
  }
}
