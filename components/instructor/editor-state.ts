// The question editor's form state and its two conversions: from a bank question, and to the draft the
// server validates (the same shape as a content/ quiz.yaml question, without id).
import type { PublicQuestion } from "@/lib/quiz/public";
import { toPublicQuestion } from "@/lib/quiz/public";
import { questionSchema, type Question, type QuestionType } from "@/lib/quiz/schema";
import { SIMULATION_TEMPLATES } from "@/lib/quiz/simulation-templates";
import type { QuestionStatus } from "@/lib/db/instructor-schema";

export const LETTERS = "abcdefghijklmnopqrstuvwxyz";

export interface OptionRow {
  id: string;
  text: string;
  feedback: string;
  /** Moodle's fraction as typed, e.g. "0.5" or "-1"; empty = the default for a key or a wrong option. */
  weight: string;
}
export interface NumericRow {
  kind: "value" | "range";
  /** value, or min of a range */
  a: string;
  /** tolerance, or max of a range */
  b: string;
  weight: string;
}
export interface EditorState {
  type: QuestionType;
  prompt: string;
  options: OptionRow[];
  single: string;
  multiple: string[];
  shuffle: boolean;
  trueFalse: boolean;
  shortAnswers: string;
  numeric: NumericRow[];
  pairs: { id: string; prompt: string; answer: string }[];
  distractors: string;
  items: { id: string; text: string }[];
  modelAnswer: string;
  template: string;
  seedMin: string;
  seedMax: string;
  params: string;
  widgetChapter: string;
  explanation: string;
  concepts: string;
  chapterSlug: string;
  status: QuestionStatus;
}

const blankOptions = () => [0, 1].map((i) => ({ id: LETTERS[i], text: "", feedback: "", weight: "" }));
const lines = (s: string) => s.split("\n").map((l) => l.trim()).filter(Boolean);
const num = (s: string) => (s.trim() === "" ? NaN : Number(s));

/** The form state for a bank question, or an empty single-choice form for a new one. */
export function fromQuestion(q: Question | null, chapterSlug: string, status: QuestionStatus): EditorState {
  const s: EditorState = {
    type: q?.type ?? "single",
    prompt: q?.prompt ?? "",
    options: blankOptions(),
    single: "a",
    multiple: [],
    shuffle: false,
    trueFalse: true,
    shortAnswers: "",
    numeric: [{ kind: "value", a: "", b: "0", weight: "" }],
    pairs: [0, 1].map((i) => ({ id: LETTERS[i], prompt: "", answer: "" })),
    distractors: "",
    items: [0, 1].map((i) => ({ id: LETTERS[i], text: "" })),
    modelAnswer: "",
    template: SIMULATION_TEMPLATES[0],
    seedMin: "1",
    seedMax: "100000",
    params: "",
    widgetChapter: "",
    explanation: q?.explanation ?? "",
    concepts: q?.concepts.join(", ") ?? "",
    chapterSlug,
    status,
  };
  if (!q) return s;
  switch (q.type) {
    case "single":
    case "multiple":
      s.options = q.options.map((o) => ({ id: o.id, text: o.text, feedback: o.feedback ?? "", weight: o.weight === undefined ? "" : String(o.weight) }));
      s.shuffle = q.shuffle ?? false;
      if (q.type === "single") s.single = q.answer;
      else s.multiple = q.answer;
      break;
    case "true-false":
      s.trueFalse = q.answer;
      break;
    case "short-answer":
      s.shortAnswers = q.answer.map((a) => (typeof a === "string" ? a : [a.text, String(a.weight), ...(a.feedback ? [a.feedback] : [])].join(" | "))).join("\n");
      break;
    case "numeric":
      s.numeric = (Array.isArray(q.answer) ? q.answer : [q.answer]).map((a) => {
        const weight = a.weight === undefined ? "" : String(a.weight);
        return "min" in a ? { kind: "range", a: String(a.min), b: String(a.max), weight } : { kind: "value", a: String(a.value), b: String(a.tolerance), weight };
      });
      break;
    case "matching":
      s.pairs = q.pairs;
      s.distractors = (q.distractors ?? []).join("\n");
      break;
    case "ordering":
      s.items = q.items;
      break;
    case "essay":
      s.modelAnswer = q.modelAnswer;
      break;
    case "simulation":
      Object.assign(s, { template: q.template, seedMin: String(q.seeds.min), seedMax: String(q.seeds.max), params: q.params ? JSON.stringify(q.params, null, 2) : "", widgetChapter: q.widgetChapter ?? "" });
      break;
  }
  return s;
}

function optionDraft(o: OptionRow) {
  return { id: o.id, text: o.text, ...(o.feedback.trim() ? { feedback: o.feedback } : {}), ...(o.weight.trim() ? { weight: num(o.weight) } : {}) };
}

/** One accepted short answer: `text`, or `text | weight | feedback` for partial credit. */
function shortAnswer(line: string) {
  const [text, weight, ...feedback] = line.split(" | ").map((p) => p.trim());
  if (weight === undefined) return text;
  return { text, weight: num(weight), ...(feedback.length ? { feedback: feedback.join(" | ") } : {}) };
}

/** Simulation params as typed; text that is not a JSON object is passed on for the server to reject by field. */
function readParams(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The question as the server validates it (same shape as content/ quiz.yaml questions, without id). */
export function toDraft(s: EditorState): Record<string, unknown> {
  const base = {
    type: s.type,
    prompt: s.prompt,
    explanation: s.explanation,
    concepts: s.concepts
      .split(/[,\s]+/)
      .map((c) => c.trim().toLowerCase())
      .filter(Boolean),
  };
  switch (s.type) {
    case "single":
      return { ...base, options: s.options.map(optionDraft), answer: s.single, ...(s.shuffle ? { shuffle: true } : {}) };
    case "multiple":
      return { ...base, options: s.options.map(optionDraft), answer: s.multiple, ...(s.shuffle ? { shuffle: true } : {}) };
    case "true-false":
      return { ...base, answer: s.trueFalse };
    case "short-answer":
      return { ...base, answer: lines(s.shortAnswers).map(shortAnswer) };
    case "numeric":
      return {
        ...base,
        answer: s.numeric.map((r) => ({
          ...(r.kind === "range" ? { min: num(r.a), max: num(r.b) } : { value: num(r.a), tolerance: Number(r.b || 0) }),
          ...(r.weight.trim() ? { weight: num(r.weight) } : {}),
        })),
      };
    case "matching":
      return { ...base, pairs: s.pairs, ...(lines(s.distractors).length ? { distractors: lines(s.distractors) } : {}) };
    case "ordering":
      return { ...base, items: s.items };
    case "essay":
      return { ...base, modelAnswer: s.modelAnswer };
    case "simulation": {
      const params = readParams(s.params);
      return {
        ...base,
        // A simulation's lead-in and explanation are optional; the engine writes its own.
        prompt: s.prompt.trim() || undefined,
        explanation: s.explanation.trim() || undefined,
        template: s.template,
        seeds: { min: num(s.seedMin), max: num(s.seedMax) },
        ...(params === undefined ? {} : { params }),
        ...(s.widgetChapter.trim() ? { widgetChapter: s.widgetChapter.trim() } : {}),
      };
    }
  }
}

/** Fills what a learner would see but the author has not written yet, so the preview has a shape. */
function withPlaceholders(s: EditorState): EditorState {
  const or = (t: string, p: string) => (t.trim() ? t : p);
  return {
    ...s,
    prompt: s.type === "simulation" ? s.prompt : or(s.prompt, "(문제를 입력하세요)"),
    explanation: or(s.explanation, "(해설)"),
    concepts: or(s.concepts, "preview"),
    modelAnswer: or(s.modelAnswer, "(모범 답안)"),
    options: s.options.map((o) => ({ ...o, text: or(o.text, "(보기)"), weight: "" })),
    pairs: s.pairs.map((p) => ({ ...p, prompt: or(p.prompt, "(항목)"), answer: or(p.answer, "(짝)") })),
    items: s.items.map((i) => ({ ...i, text: or(i.text, "(항목)") })),
    numeric: s.numeric.map(() => ({ kind: "value", a: "0", b: "0", weight: "" })),
    shortAnswers: or(s.shortAnswers, "(답)"),
    multiple: s.multiple.length ? s.multiple : ["a"],
  };
}

/** The question exactly as a learner receives it, or null while the form cannot make one yet. */
export function previewQuestion(s: EditorState): PublicQuestion | null {
  const parsed = questionSchema.safeParse({ ...toDraft(withPlaceholders(s)), id: "preview" });
  return parsed.success ? toPublicQuestion(parsed.data, { chapterSlug: s.chapterSlug }) : null;
}
