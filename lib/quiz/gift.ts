/**
 * GIFT, the plain-text question format of Moodle, read and written by hand.
 *
 * The grammar follows what Moodle's own importer accepts: questions are separated by blank lines,
 * lines whose first non-space characters are `//` are comments, the answer block is the text between
 * the first `{` and the first `}`, and its first characters decide the type (`#` numeric, any `~`
 * choice, `=` with `->` matching, T/TRUE/F/FALSE true/false, otherwise short answer; `{}` essay, no
 * braces description). Choice questions with an `=` answer are single choice, others multiple.
 */

import {
  GIFT_BLANK,
  type GiftAnswer,
  type GiftCommon,
  type GiftError,
  type GiftFormat,
  type GiftNumericAnswer,
  type GiftParseResult,
  type GiftQuestion,
} from "./gift-types";

export * from "./gift-types";
export { toGift } from "./gift-write";

// Escaped control characters become private-use placeholders while the structure is read.
const ESCAPABLE = ["\\", ":", "#", "=", "{", "}", "~"] as const;
const PLACEHOLDER_BASE = 0xe000;
const NEWLINE_PLACEHOLDER = String.fromCharCode(PLACEHOLDER_BASE + ESCAPABLE.length);

function protectEscapes(s: string): string {
  return s.replace(/\\([\\:#={}~n])/g, (_, c: string) => {
    if (c === "n") return NEWLINE_PLACEHOLDER;
    return String.fromCharCode(PLACEHOLDER_BASE + ESCAPABLE.indexOf(c as (typeof ESCAPABLE)[number]));
  });
}

function restoreEscapes(s: string): string {
  return s.replace(/[\ue000-\ue007]/g, (ch) => {
    const i = ch.charCodeAt(0) - PLACEHOLDER_BASE;
    return i === ESCAPABLE.length ? "\n" : ESCAPABLE[i];
  });
}

const FORMATS: readonly GiftFormat[] = ["moodle", "html", "plain", "markdown"];

function readFormatted(raw: string): { text: string; format?: GiftFormat } {
  const t = raw.trim();
  const m = /^\[([a-z]+)\]/.exec(t);
  if (m && (FORMATS as readonly string[]).includes(m[1])) {
    return { text: restoreEscapes(t.slice(m[0].length)).trim(), format: m[1] as GiftFormat };
  }
  return { text: restoreEscapes(t).trim() };
}

const WEIGHT = /^%(-?\d+(?:\.\d*)?)%/;

/** Splits `text#feedback` at the first `#`. */
function splitFeedback(raw: string): { body: string; feedback?: string; feedbackFormat?: GiftFormat } {
  const i = raw.indexOf("#");
  if (i < 0) return { body: raw };
  const fb = readFormatted(raw.slice(i + 1));
  return { body: raw.slice(0, i), ...(fb.text ? { feedback: fb.text } : {}), ...(fb.format ? { feedbackFormat: fb.format } : {}) };
}

class GiftSyntaxError extends Error {}

function fail(message: string): never {
  throw new GiftSyntaxError(message);
}

function readWeight(s: string, fallback: number): { weight: number; rest: string } {
  const m = WEIGHT.exec(s);
  if (!m) return { weight: fallback, rest: s };
  const pct = Number(m[1]);
  if (!(pct >= -100 && pct <= 100)) fail(`가중치 ${m[1]}%는 -100%에서 100% 사이여야 합니다.`);
  return { weight: pct / 100, rest: s.slice(m[0].length) };
}

/** Splits `s` at every `sep`, dropping an empty first piece as Moodle does. */
function splitAnswers(s: string, sep: RegExp): string[] {
  const parts = s.split(sep).map((p) => p.trim());
  if (parts.length > 0 && parts[0] === "") parts.shift();
  return parts;
}

function shown(s: string): string {
  const t = restoreEscapes(s).replace(/\s+/g, " ").trim();
  return t.length > 30 ? `${t.slice(0, 30)}…` : t;
}

function toNumber(s: string): number | null {
  const t = s.trim();
  if (t === "" || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  return Number(t);
}

function roundedSum(weights: number[]): number {
  return Math.round(weights.reduce((s, w) => s + w, 0) * 100) / 100;
}

function readChoices(body: string): GiftAnswer[] {
  // Every `=` starts a full-credit choice; `~` starts one whose weight is given by `%n%` (else 0).
  const pieces = splitAnswers(body.replace(/=/g, "~="), /~/);
  return pieces.map((p) => {
    let weight: number;
    let rest: string;
    if (p.startsWith("=")) ({ weight, rest } = readWeight(p.slice(1), 1));
    else ({ weight, rest } = readWeight(p, 0));
    const { body: ansText, feedback, feedbackFormat } = splitFeedback(rest);
    const a = readFormatted(ansText);
    return { text: a.text, weight, ...(a.format ? { format: a.format } : {}), ...(feedback ? { feedback } : {}), ...(feedbackFormat ? { feedbackFormat } : {}) };
  });
}

type AnswerPart = GiftQuestion extends infer Q ? (Q extends GiftCommon ? Omit<Q, keyof GiftCommon> : never) : never;

function readAnswerBlock(block: string): AnswerPart {
  if (block === "") return { type: "essay" };
  if (block.startsWith("#")) return readNumeric(block.slice(1));
  if (block.includes("~")) {
    const single = block.includes("=");
    const answers = readChoices(block);
    if (answers.length < 2) fail("객관식 문항에는 보기가 두 개 이상 있어야 합니다.");
    const weights = answers.map((a) => a.weight);
    if (single) {
      if (Math.max(...weights) !== 1) fail("단일 선택 문항에는 100% 정답(= 또는 ~%100%)이 하나 있어야 합니다.");
    } else if (roundedSum(weights.filter((w) => w > 0)) !== 1) {
      fail("복수 선택 문항의 양수 가중치를 더하면 100%가 되어야 합니다.");
    }
    return { type: single ? "single" : "multiple", answers };
  }
  if (block.includes("=") && block.includes("->")) {
    const items = splitAnswers(block, /=/);
    if (items.length < 2) fail("짝 맞추기 문항에는 짝이 두 개 이상 있어야 합니다.");
    const pairs = items.map((item) => {
      const arrow = item.indexOf("->");
      if (arrow < 0) fail(`짝 맞추기 항목 '${shown(item)}'에 '->'가 없습니다.`);
      const q = readFormatted(item.slice(0, arrow));
      const answer = restoreEscapes(item.slice(arrow + 2)).trim();
      if (answer === "") fail(`짝 맞추기 항목 '${shown(item)}'의 '->' 뒤에 답이 없습니다.`);
      return { question: q.text, answer, ...(q.format ? { format: q.format } : {}) };
    });
    if (pairs.filter((p) => p.question !== "").length < 2) fail("짝 맞추기 문항에는 질문이 있는 짝이 두 개 이상 있어야 합니다.");
    return { type: "matching", pairs };
  }
  const tf = block.split("#");
  const head = tf[0].trim();
  if (["T", "TRUE", "F", "FALSE"].includes(head)) {
    if (tf.length > 3) fail("참/거짓 문항의 피드백은 '#틀렸을 때#맞았을 때' 두 개까지입니다.");
    const wrong = tf[1] === undefined ? "" : readFormatted(tf[1]).text;
    const right = tf[2] === undefined ? "" : readFormatted(tf[2]).text;
    return { type: "truefalse", answer: head.startsWith("T"), ...(right ? { feedbackRight: right } : {}), ...(wrong ? { feedbackWrong: wrong } : {}) };
  }
  const answers = splitAnswers(block, /=/).map((p) => {
    const { weight, rest } = readWeight(p, 1);
    const { body, feedback, feedbackFormat } = splitFeedback(rest);
    const a = readFormatted(body);
    if (a.text === "") fail("단답형 정답이 비어 있습니다.");
    return { text: a.text, weight, ...(a.format ? { format: a.format } : {}), ...(feedback ? { feedback } : {}), ...(feedbackFormat ? { feedbackFormat } : {}) };
  });
  if (answers.length === 0) fail("단답형 문항에 정답이 없습니다.");
  if (Math.max(...answers.map((a) => a.weight)) !== 1) fail("단답형 문항에는 100% 정답이 하나 이상 있어야 합니다.");
  return { type: "short", answers };
}

function readNumeric(body: string): AnswerPart {
  let otherFeedback: string | undefined;
  const tilde = body.indexOf("~");
  if (tilde >= 0) {
    otherFeedback = splitFeedback(body.slice(tilde + 1)).feedback;
    body = body.slice(0, tilde);
  }
  const pieces = splitAnswers(body, /=/);
  if (pieces.length === 0) fail("숫자 문항에 정답이 없습니다.");
  const answers = pieces.map((p): GiftNumericAnswer => {
    const { weight, rest } = readWeight(p, 1);
    const { body: spec, feedback, feedbackFormat } = splitFeedback(rest);
    const s = restoreEscapes(spec).trim();
    const extra = { weight, ...(feedback ? { feedback } : {}), ...(feedbackFormat ? { feedbackFormat } : {}) };
    const dots = s.indexOf("..");
    if (dots > 0) {
      const min = toNumber(s.slice(0, dots));
      const max = toNumber(s.slice(dots + 2));
      if (min === null || max === null) fail(`숫자 범위 '${shown(s)}'를 읽을 수 없습니다. '최솟값..최댓값'으로 쓰세요.`);
      if (min > max) fail(`숫자 범위 '${shown(s)}'의 최솟값이 최댓값보다 큽니다.`);
      const value = (min + max) / 2;
      return { value, tolerance: max - value, range: { min, max }, ...extra };
    }
    const colon = s.indexOf(":");
    const value = toNumber(colon > 0 ? s.slice(0, colon) : s);
    const tolerance = colon > 0 ? toNumber(s.slice(colon + 1)) : 0;
    if (value === null || tolerance === null) fail(`숫자 답 '${shown(s)}'를 읽을 수 없습니다. '값' 또는 '값:허용오차'로 쓰세요.`);
    if (tolerance < 0) fail(`숫자 답 '${shown(s)}'의 허용 오차는 0 이상이어야 합니다.`);
    return { value, tolerance, ...extra };
  });
  if (Math.max(...answers.map((a) => a.weight)) !== 1) fail("숫자 문항에는 100% 정답이 하나 이상 있어야 합니다.");
  return { type: "numeric", answers, ...(otherFeedback ? { otherFeedback } : {}) };
}

function readQuestion(text: string, line: number, category: string | undefined): GiftQuestion {
  let name: string | undefined;
  if (text.startsWith("::")) {
    const end = text.indexOf("::", 2);
    if (end < 0) {
      text = text.slice(2);
    } else {
      const n = restoreEscapes(text.slice(2, end)).replace(/\s+/g, " ").trim();
      if (n) name = n;
      text = text.slice(end + 2).trim();
    }
  }
  const open = text.indexOf("{");
  const close = text.indexOf("}");
  let part: AnswerPart;
  let promptRaw: string;
  let missingWord = false;
  let generalRaw: string | undefined;
  if (open < 0 && close < 0) {
    part = { type: "description" };
    promptRaw = text;
  } else if (open < 0 || close < 0 || close < open) {
    fail("중괄호 { }의 짝이 맞지 않습니다. 답 부분을 {로 열고 }로 닫으세요 (글자 그대로 쓰려면 \\{ \\}).");
  } else {
    let block = text.slice(open + 1, close).trim();
    const gf = block.lastIndexOf("####");
    if (gf >= 0) {
      generalRaw = block.slice(gf + 4);
      block = block.slice(0, gf).trim();
    }
    part = readAnswerBlock(block);
    if (text.endsWith("}")) promptRaw = text.slice(0, open);
    else {
      missingWord = true;
      promptRaw = text.slice(0, open) + GIFT_BLANK + text.slice(close + 1);
    }
  }
  const p = readFormatted(promptRaw);
  const g = generalRaw === undefined ? undefined : readFormatted(generalRaw);
  return {
    ...(name ? { name } : {}),
    ...(category ? { category } : {}),
    prompt: p.text,
    ...(p.format ? { format: p.format } : {}),
    ...(g?.text ? { generalFeedback: g.text } : {}),
    ...(g?.text && g.format ? { generalFeedbackFormat: g.format } : {}),
    ...(missingWord ? { missingWord } : {}),
    line,
    ...part,
  } as GiftQuestion;
}

/** Reads a GIFT file into questions and Korean errors that name each bad question's first line. */
export function parseGift(text: string): GiftParseResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const questions: GiftQuestion[] = [];
  const errors: GiftError[] = [];
  let fileCategory: string | undefined;
  let category: string | undefined;
  let block: { start: number; lines: string[] } | null = null;

  const flush = () => {
    if (!block) return;
    let { start, lines: body } = block;
    block = null;
    const first = body[0].trim();
    if (first.startsWith("$CATEGORY:")) {
      category = restoreEscapes(protectEscapes(first.slice("$CATEGORY:".length))).trim() || undefined;
      fileCategory ??= category;
      body = body.slice(1);
      start += 1;
      while (body.length > 0 && body[0].trim() === "") {
        body = body.slice(1);
        start += 1;
      }
      if (body.length === 0) return;
    }
    try {
      questions.push(readQuestion(protectEscapes(body.join("\n").trim()), start, category));
    } catch (e) {
      if (!(e instanceof GiftSyntaxError)) throw e;
      errors.push({ line: start, message: `${start}번째 줄에서 시작하는 문항: ${e.message}` });
    }
  };

  lines.forEach((raw, i) => {
    const t = raw.trim();
    if (t === "") return flush();
    // A comment line keeps a question together but adds nothing to it.
    if (t.startsWith("//")) return;
    if (!block) block = { start: i + 1, lines: [] };
    block.lines.push(raw);
  });
  flush();
  return { ...(fileCategory ? { category: fileCategory } : {}), questions, errors };
}
