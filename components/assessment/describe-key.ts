import type { PublicQuestion } from "@/lib/quiz/public";

/** The answer key in words, for feedback. */
export function describeKey(q: PublicQuestion, key: unknown): string {
  if (q.type === "single" || q.type === "multiple") {
    const ids = Array.isArray(key) ? key : [key];
    return ids.map((id) => q.options.find((o) => o.id === id)?.text ?? String(id)).join(", ");
  }
  if (q.type === "true-false") return key ? "참" : "거짓";
  if (q.type === "short-answer") return Array.isArray(key) ? String(key[0]) : String(key);
  const k = key as { value: number; tolerance: number };
  return k.tolerance ? `${k.value} (±${k.tolerance})` : String(k.value);
}
