/** Writes questions as Moodle GIFT text (the inverse of `parseGift`). */
import { GIFT_BLANK, type GiftFormat, type GiftQuestion } from "./gift-types";

function esc(s: string): string {
  return s.replace(/[\\:#={}~]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}

function fmt(text: string, format?: GiftFormat): string {
  return (format ? `[${format}]` : "") + esc(text);
}

function pct(weight: number): string {
  return `%${Math.round(weight * 1e7) / 1e5}%`;
}

// String(-0) is "0"; keep the sign so a round trip gives the same number.
function num(n: number): string {
  return Object.is(n, -0) ? "-0" : String(n);
}

function fb(feedback?: string, format?: GiftFormat): string {
  return feedback ? `#${fmt(feedback, format)}` : "";
}

function answerBlock(q: GiftQuestion): string {
  const general = q.generalFeedback ? `\n\t####${fmt(q.generalFeedback, q.generalFeedbackFormat)}` : "";
  switch (q.type) {
    case "description":
      return "";
    case "essay":
      return `{${general.trim()}}`;
    case "truefalse": {
      const wrong = q.feedbackWrong ? `#${esc(q.feedbackWrong)}` : q.feedbackRight ? "#" : "";
      const right = q.feedbackRight ? `#${esc(q.feedbackRight)}` : "";
      return `{${q.answer ? "TRUE" : "FALSE"}${wrong}${right}${general}}`;
    }
    case "single":
    case "multiple": {
      // A block without any `~` would read back as a short answer, so one full-credit choice of an
      // all-correct single choice is written as `~%100%`.
      const allFull = q.answers.every((a) => a.weight === 1);
      const rows = q.answers.map((a, i) => {
        const asEquals = q.type === "single" && a.weight === 1 && !(allFull && i === q.answers.length - 1);
        const mark = asEquals ? "=" : a.weight === 0 ? "~" : `~${pct(a.weight)}`;
        return `\t${mark}${fmt(a.text, a.format)}${fb(a.feedback, a.feedbackFormat)}`;
      });
      return `{\n${rows.join("\n")}${general}\n}`;
    }
    case "short": {
      const rows = q.answers.map((a) => `\t=${a.weight === 1 ? "" : pct(a.weight)}${fmt(a.text, a.format)}${fb(a.feedback, a.feedbackFormat)}`);
      return `{\n${rows.join("\n")}${general}\n}`;
    }
    case "numeric": {
      const rows = q.answers.map((a) => {
        const spec = a.range ? `${num(a.range.min)}..${num(a.range.max)}` : `${num(a.value)}:${num(a.tolerance)}`;
        return `\t=${a.weight === 1 ? "" : pct(a.weight)}${spec}${fb(a.feedback, a.feedbackFormat)}`;
      });
      if (q.otherFeedback) rows.push(`\t~#${esc(q.otherFeedback)}`);
      return `{#\n${rows.join("\n")}${general}\n}`;
    }
    case "matching": {
      const rows = q.pairs.map((p) => `\t=${fmt(p.question, p.format)} -> ${esc(p.answer)}`);
      return `{\n${rows.join("\n")}${general}\n}`;
    }
  }
}

/** Writes questions as GIFT that `parseGift` (and Moodle) read back to the same questions. */
export function toGift(questions: readonly GiftQuestion[]): string {
  const out: string[] = [];
  let category: string | undefined;
  for (const q of questions) {
    if (q.category && q.category !== category) {
      out.push(`$CATEGORY: ${q.category}\n`);
      category = q.category;
    }
    const name = q.name ? `::${esc(q.name)}::` : "";
    const block = answerBlock(q);
    let body: string;
    if (q.missingWord && q.prompt.includes(GIFT_BLANK)) {
      const at = q.prompt.indexOf(GIFT_BLANK);
      body = fmt(q.prompt.slice(0, at), q.format) + block + esc(q.prompt.slice(at + GIFT_BLANK.length));
    } else {
      body = fmt(q.prompt, q.format) + block;
    }
    out.push(`${name}${body}\n`);
  }
  return out.join("\n");
}
