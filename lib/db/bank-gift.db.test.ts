import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exportGift, importGift, previewGift } from "./bank-gift";
import { chapterQuizFromBank } from "./bank";
import { db } from "./index";

const fixture = (name: string) => readFileSync(`lib/quiz/__fixtures__/${name}`, "utf8");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

describe("GIFT into the bank", () => {
  it("saves nothing from a file with errors and names each bad line", async () => {
    const before = await db.question.count();
    const result = await importGift(db, fixture("broken.gift.txt"), "01-kafka-ecosystem", null);
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      expect(e.line).toBeGreaterThan(0);
      expect(e.message).toMatch(/[가-힣]/);
    }
    expect(result.saved).toEqual([]);
    expect(await db.question.count()).toBe(before);
  });

  it("refuses a whole file when one entry is not a question the quizzes can grade", async () => {
    const text = "::가::카프카는 로그인가?{T}\n\n::나::짝을 지으세요 {\n=ISR -> 동기화된 복제본\n=HW -> 하이 워터마크\n}\n\n::다::이 단원은 복제를 다룹니다.";
    const result = await importGift(db, text, "01-kafka-ecosystem", null);
    expect(result.errors).toEqual([{ line: 8, message: expect.stringContaining("설명") }]);
    expect(result.saved).toEqual([]);
  });

  it("imports a Korean file as drafts whose export reads back to the same questions", async () => {
    const text = readFileSync("lib/db/__fixtures__/bank-import.gift.txt", "utf8");
    const preview = previewGift(text, "01-kafka-ecosystem");
    expect(preview.errors).toEqual([]);
    expect(preview.items.map((i) => [i.draft.type, i.chapterSlug, i.draft.concepts])).toEqual([
      ["single", "04-replication-isr", ["isr", "acks"]],
      ["true-false", "04-replication-isr", ["isr", "acks"]],
      ["multiple", "04-replication-isr", ["isr", "acks"]],
      ["short-answer", "04-replication-isr", ["isr", "acks"]],
      ["numeric", "04-replication-isr", ["isr", "acks"]],
    ]);
    const slug = `60-${unique()}`;
    const imported = await importGift(db, text.replace("04-replication-isr", slug), "01-kafka-ecosystem", null);
    expect(imported.saved).toHaveLength(5);
    const rows = await db.question.findMany({ where: { chapterSlug: slug }, select: { status: true, source: true } });
    expect(rows.every((r) => r.status === "draft" && r.source === "authored")).toBe(true);
    expect(await chapterQuizFromBank(db, slug, "t")).toBeNull(); // drafts stay out of the quiz until published
    const again = previewGift(await exportGift(db, slug), "01-kafka-ecosystem");
    expect(again.errors).toEqual([]);
    expect(again.items.map((i) => [i.chapterSlug, i.draft])).toEqual(preview.items.map((i) => [slug, i.draft]));
  });
});
