import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContent } from "./check";

const BROKEN = `---
title: "깨진 장"
summary: "검사가 잡아야 할 것들"
order: 1
objectives: ["없음"]
---

## 첫 절

<Term id="no-such-term">없는 용어</Term>와 <Term id="topic">토픽</Term>.

<Callout kind="tip" tone="loud">속성 하나가 틀림</Callout>

<FancyWidget />

[없는 앵커](#없는-절) [있는 앵커](#첫-절) [없는 장](/chapters/99-nowhere) [다른 장의 없는 절](/chapters/02-other#없음)

![그림](./missing.png)

{/* SomethingElse */}

{/* DeliveryLab */}
`;

const OTHER = `---
title: "다른 장"
summary: "정상"
order: 1
objectives: ["하나"]
---

## 절
`;

const QUIZ = `title: "퀴즈"
questions:
  - id: same-id
    type: true-false
    concepts: [x]
    prompt: "p"
    explanation: "e"
    answer: true
`;

function writeCourse(root: string) {
  for (const [slug, body] of [
    ["01-broken", BROKEN],
    ["02-other", OTHER],
  ]) {
    mkdirSync(path.join(root, "content", "chapters", slug), { recursive: true });
    writeFileSync(path.join(root, "content", "chapters", slug, "index.mdx"), body);
    writeFileSync(path.join(root, "content", "chapters", slug, "quiz.yaml"), QUIZ);
  }
  writeFileSync(
    path.join(root, "content", "glossary.yaml"),
    `conventions: [{ topic: "t", rule: "r" }]\nterms:\n  - { id: topic, term: "토픽", english: "topic", definition: "d", sections: ["01-broken#없는-절"] }\n`,
  );
}

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe("content check", () => {
  it("passes the course as it is", () => expect(checkContent()).toEqual([]), 60_000);

  it("names every broken reference, tag, prop, image, order and question id", () => {
    const root = mkdtempSync(path.join(tmpdir(), "content-check-"));
    roots.push(root);
    writeCourse(root);
    const errors = checkContent(root).join("\n");
    expect(errors).toContain("용어집에 'no-such-term' 용어가 없습니다");
    expect(errors).toContain("<Callout>에는 'tone' 속성이 없습니다");
    expect(errors).toContain("<FancyWidget>는 MDX 레지스트리에 없는 태그입니다");
    expect(errors).toContain("이 장에 '#없는-절' 절이 없습니다");
    expect(errors).toContain("'99-nowhere' 장이 없습니다");
    expect(errors).toContain("'02-other' 장에 '#없음' 절이 없습니다");
    expect(errors).toContain("그림 파일 './missing.png'");
    expect(errors).toContain("{/* SomethingElse */}는 알려진 위젯이 아닙니다");
    expect(errors).toContain("order 1가");
    expect(errors).toContain("질문 id 'same-id'가 01-broken에도 있습니다");
    expect(errors).toContain("'topic'의 절 '01-broken#없는-절'이(가) 없습니다");
    expect(errors).toContain("'## 이 장의 설정' 절이 없습니다");
    expect(errors).toContain("'자주 하는 오해' 상자");
    expect(errors).toContain("문항이 1개입니다 (최소 8개)");
    expect(errors).not.toContain("#첫-절");
    expect(errors).not.toContain("DeliveryLab");
    expect(errors).toMatch(/01-broken\/index\.mdx:14: <FancyWidget>/);
  }, 60_000);

  it("accepts a copy of the real course unchanged", () => {
    const root = mkdtempSync(path.join(tmpdir(), "content-copy-"));
    roots.push(root);
    cpSync(path.join(process.cwd(), "content"), path.join(root, "content"), { recursive: true });
    expect(checkContent(root)).toEqual([]);
  }, 60_000);
});
