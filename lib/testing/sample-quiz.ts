import { quizFileSchema, type Quiz } from "../quiz/schema";

/** A suffix that keeps rows of one test run apart from every other run's. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** A two-question chapter quiz (true/false, numeric) for database tests; `concepts` tags the two questions. */
export function sampleQuiz(slug: string, explanation = "설명", concepts: [string, string] = ["x", "x"]): Quiz {
  return {
    id: slug,
    chapterSlug: slug,
    ...quizFileSchema.parse({
      title: "테스트 퀴즈",
      questions: [
        { id: `${slug}-a`, type: "true-false", concepts: [concepts[0]], prompt: "참인가?", answer: true, explanation },
        { id: `${slug}-b`, type: "numeric", concepts: [concepts[1]], prompt: "몇 개?", answer: { value: 3 }, explanation: "세 개" },
      ],
    }),
  };
}
