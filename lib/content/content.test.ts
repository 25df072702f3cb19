import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { quizFileSchema } from "../quiz/schema";
import { chapterFrontmatterSchema, findModuleStatements, usedTags } from "./frontmatter";
import { tocOf } from "./headings";
import { readingMinutes } from "./reading";
import { headingId } from "./slug";

import { MDX_TAG_NAMES } from "../../components/mdx/tags";

const dir = path.join(process.cwd(), "content", "chapters");
const chapters = readdirSync(dir).filter((d) => /^\d{2}-/.test(d));

describe("course content", () => {
  it("has at least one chapter", () => expect(chapters.length).toBeGreaterThan(0));

  for (const slug of chapters) {
    describe(slug, () => {
      const source = readFileSync(path.join(dir, slug, "index.mdx"), "utf8");
      const { data, content } = matter(source);

      it("has valid frontmatter", () => expect(chapterFrontmatterSchema.safeParse(data).error).toBeUndefined());
      it("never imports or exports", () => expect(findModuleStatements(content)).toEqual([]));
      it("uses only tags from the MDX registry", () => {
        for (const tag of usedTags(content)) expect(MDX_TAG_NAMES).toContain(tag);
      });
      it("has unique heading anchors", () => {
        const ids = tocOf(content).map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
      });
      it("has a quiz file that passes the schema", () => {
        const quiz = quizFileSchema.safeParse(parse(readFileSync(path.join(dir, slug, "quiz.yaml"), "utf8")));
        expect(quiz.error).toBeUndefined();
      });
    });
  }

  it("uses question ids that are unique across the course", () => {
    const ids = chapters.flatMap((slug) => (parse(readFileSync(path.join(dir, slug, "quiz.yaml"), "utf8")) as { questions: { id: string }[] }).questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("content helpers", () => {
  it("gives Korean headings readable anchors", () => expect(headingId("토픽은 파티션으로 나뉩니다")).toBe("토픽은-파티션으로-나뉩니다"));
  it("ignores headings and tags inside fenced code", () => {
    const body = "## 하나\n\n```text\n## 코드 속\n<Fake />\n```\n\n### 둘 `acks`\n\n<Callout>x</Callout>";
    expect(tocOf(body)).toEqual([
      { id: "하나", text: "하나", depth: 2 },
      { id: "둘-acks", text: "둘 acks", depth: 3 },
    ]);
    expect(usedTags(body)).toEqual(["Callout"]);
  });
  it("numbers repeated headings instead of giving two sections one anchor", () =>
    expect(tocOf("## 직접 해 보기\n\n## 직접 해 보기\n").map((t) => t.id)).toEqual(["직접-해-보기", "직접-해-보기-1"]));
  it("keeps config names searchable as one anchor word", () => expect(headingId("acks와 min.insync.replicas")).toBe("acks와-mininsyncreplicas"));
  it("finds import statements outside code", () => expect(findModuleStatements("import X from 'y'\n```\nimport z\n```")).toEqual(["import X from 'y'"]));
  it("estimates reading time from prose, counting code at a quarter and tags not at all", () => {
    const prose = "가".repeat(1000);
    expect(readingMinutes(prose)).toBe(2);
    expect(readingMinutes(`${prose}\n\`\`\`\n${"x".repeat(2000)}\n\`\`\`\n<ReplicationLab />`)).toBe(3);
    expect(readingMinutes("")).toBe(1);
  });
});
