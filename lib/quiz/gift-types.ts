/** Shapes of GIFT questions as `parseGift` reads them and `toGift` writes them. */
export type GiftFormat = "moodle" | "html" | "plain" | "markdown";
export type GiftType = "single" | "multiple" | "truefalse" | "short" | "numeric" | "matching" | "essay" | "description";

/** One choice or accepted answer: `weight` is Moodle's fraction (1 = 100 %, may be negative). */
export interface GiftAnswer {
  text: string;
  weight: number;
  feedback?: string;
  /** Set only when the answer text starts with its own `[format]`. */
  format?: GiftFormat;
  feedbackFormat?: GiftFormat;
}

/** One accepted numeric answer; `range` keeps the `min..max` spelling when the author used it. */
export interface GiftNumericAnswer {
  value: number;
  tolerance: number;
  range?: { min: number; max: number };
  weight: number;
  feedback?: string;
  feedbackFormat?: GiftFormat;
}

/** One matching pair; an empty `question` is an extra wrong answer (a distractor). */
export interface GiftPair {
  question: string;
  answer: string;
  format?: GiftFormat;
}

export interface GiftCommon {
  name?: string;
  category?: string;
  /** Question text; in a missing-word question `_____` marks where the answer block stood. */
  prompt: string;
  /** Set only when the question text starts with `[markdown]`, `[html]`, `[plain]` or `[moodle]`. */
  format?: GiftFormat;
  generalFeedback?: string;
  generalFeedbackFormat?: GiftFormat;
  /** The answer block stood inside the text (text followed the closing brace). */
  missingWord?: boolean;
  /** 1-based line of the question's first non-comment line. */
  line: number;
}

export type GiftQuestion = GiftCommon &
  (
    | { type: "single" | "multiple" | "short"; answers: GiftAnswer[] }
    | { type: "truefalse"; answer: boolean; feedbackRight?: string; feedbackWrong?: string }
    | { type: "numeric"; answers: GiftNumericAnswer[]; otherFeedback?: string }
    | { type: "matching"; pairs: GiftPair[] }
    | { type: "essay" }
    | { type: "description" }
  );

export interface GiftError {
  line: number;
  message: string;
}

export interface GiftParseResult {
  /** The first `$CATEGORY:` of the file, if any. */
  category?: string;
  questions: GiftQuestion[];
  errors: GiftError[];
}

/** The missing-word blank Moodle puts where the answer block was. */
export const GIFT_BLANK = "_____";
