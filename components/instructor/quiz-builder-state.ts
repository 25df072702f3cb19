// The builder's form state and its conversion to the shared class-quiz input (validated with the same
// zod schema the server uses, so field errors show before anything is sent).
import { classQuizInputSchema, type ClassQuizDto, type ClassQuizInput, type ClassQuizItem, type FeedbackMode } from "@/lib/assessment/class-quiz-contracts";
import type { GradingPolicy } from "@/lib/assessment/exam-policy";

export interface BuilderState {
  title: string;
  description: string;
  items: ClassQuizItem[];
  /** Text fields as typed; empty means "none". */
  timeLimitMinutes: string;
  maxAttempts: string;
  gradingPolicy: GradingPolicy;
  feedback: FeedbackMode;
  /** `<input type="datetime-local">` values in the browser's time zone; empty means "none". */
  opensAt: string;
  closesAt: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An ISO instant as a datetime-local value in the browser's zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (browser zone) as an ISO instant, or null when empty or unreadable. */
export function fromLocalInput(v: string): string | null {
  if (!v) return null;
  const t = new Date(v).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function emptyBuilder(): BuilderState {
  return { title: "", description: "", items: [], timeLimitMinutes: "", maxAttempts: "", gradingPolicy: "highest", feedback: "after-attempt", opensAt: "", closesAt: "" };
}

export function fromDto(q: ClassQuizDto): BuilderState {
  return {
    title: q.title,
    description: q.description,
    items: q.items,
    timeLimitMinutes: q.timeLimitMinutes === null ? "" : String(q.timeLimitMinutes),
    maxAttempts: q.maxAttempts === null ? "" : String(q.maxAttempts),
    gradingPolicy: q.gradingPolicy,
    feedback: q.feedback,
    opensAt: toLocalInput(q.opensAt),
    closesAt: toLocalInput(q.closesAt),
  };
}

const num = (s: string) => (s.trim() === "" ? null : Number(s));

/** The body the routes take. */
export function toInput(s: BuilderState): ClassQuizInput {
  return {
    title: s.title,
    description: s.description,
    items: s.items,
    timeLimitMinutes: num(s.timeLimitMinutes),
    maxAttempts: num(s.maxAttempts),
    gradingPolicy: s.gradingPolicy,
    feedback: s.feedback,
    opensAt: fromLocalInput(s.opensAt),
    closesAt: fromLocalInput(s.closesAt),
  };
}

/** The form's field errors in Korean (same schema as the server), keyed like the server's: `title`, `items.2`. */
export function validateBuilder(s: BuilderState): Record<string, string> {
  const r = classQuizInputSchema.safeParse(toInput(s));
  const out: Record<string, string> = {};
  if (r.success) return out;
  for (const issue of r.error.issues) {
    const key = issue.path.slice(0, issue.path[0] === "items" ? 2 : 1).join(".");
    out[key] ??= issue.message;
  }
  return out;
}

/** Moves item `i` by `by` places (−1 up, +1 down); out-of-range moves change nothing. */
export function moveItem<T>(items: readonly T[], i: number, by: number): T[] {
  const j = i + by;
  if (j < 0 || j >= items.length) return [...items];
  const out = [...items];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}
