import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseGift, toGift } from "./gift";
import { fromGift, toGiftQuestion } from "./gift-convert";
import { gradeQuestion, type Answer } from "./graders";
import { quizFileSchema, type Question } from "./schema";

const fixture = (f: string) => readFileSync(path.join(import.meta.dirname, "__fixtures__", f), "utf8");
const CHAPTERS = path.join(process.cwd(), "content", "chapters");
const authored: Question[] = readdirSync(CHAPTERS)
  .filter((d) => /^\d{2}-/.test(d))
  .flatMap((slug) => quizFileSchema.parse(parse(readFileSync(path.join(CHAPTERS, slug, "quiz.yaml"), "utf8"))).questions);
const everyType = quizFileSchema.parse(parse(fixture("every-type.quiz.yaml"))).questions;

/** Answers worth comparing: the key and, for choices, every option alone. */
function probes(q: Question): Answer[] {
  switch (q.type) {
    case "single":
      return q.options.map((o) => o.id);
    case "multiple":
      return [q.answer, ...q.options.map((o) => [o.id]), q.options.map((o) => o.id)];
    case "true-false":
      return [true, false];
    case "short-answer":
      return [...q.answer.map((a) => (typeof a === "string" ? a : a.text)), "틀린 답"];
    case "numeric":
      return [0, 1, 6, 7, 8, 10, 168, 604800000];
    case "matching":
      return [Object.fromEntries(q.pairs.map((p) => [p.id, p.answer])), {}];
    case "essay":
      return [{ text: "답", selfAssessment: 1 }];
    default:
      return [];
  }
}

describe("GIFT ↔ course questions", () => {
  it("imports every question of the Korean GIFT file except the description", () => {
    const { questions } = parseGift(fixture("kafka-basics.gift.txt"));
    const converted = questions.map((g, i) => fromGift(g, { id: `gift-${i}`, concepts: ["kafka"] }));
    expect(converted.map((c) => (c.ok ? c.question.type : c.message))).toEqual([
      "single",
      "true-false",
      "short-answer",
      "numeric",
      "numeric",
      "matching",
      "multiple",
      "essay",
      "43번째 줄: 설명(description)은 문항이 아니라 가져올 수 없습니다.",
    ]);
    const match = converted[5];
    expect(match.ok && match.question.type === "matching" && match.question.distractors).toEqual(["파티션 개수"]);
  });

  it("refuses an essay without a model answer, naming its line", () => {
    const [g] = parseGift("\n::서술::설명하세요 {}").questions;
    expect(fromGift(g, { id: "e", concepts: ["c"] })).toEqual({ ok: false, message: "2번째 줄: 서술형 문항에는 모범 답안이 필요합니다 ('####' 뒤에 쓰세요)." });
  });

  it("exports the course's questions and every expressible type to GIFT and back with the same grading", () => {
    for (const q of [...authored, ...everyType]) {
      const g = toGiftQuestion(q);
      if (q.type === "ordering" || q.type === "simulation") {
        expect(g).toBeNull();
        continue;
      }
      const read = parseGift(toGift([g!]));
      expect(read.errors, q.id).toEqual([]);
      const back = fromGift(read.questions[0], { id: q.id, concepts: q.concepts });
      if (!back.ok) throw new Error(`${q.id}: ${back.message}`);
      expect(back.question.type).toBe(q.type);
      for (const a of probes(q)) expect(gradeQuestion(back.question, a).score, `${q.id} ${JSON.stringify(a)}`).toBeCloseTo(gradeQuestion(q, a).score, 4);
    }
  });
});
