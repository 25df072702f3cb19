import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { visit } from "unist-util-visit";
import { parse } from "yaml";
import { MDX_TAG_NAMES, type MdxTagName } from "../../components/mdx/tags";
import { quizFileSchema } from "../quiz/schema";
import { readCorpus, readGlossary, resolveSection, type CorpusChapter } from "./corpus";
import { chapterFrontmatterSchema, findModuleStatements } from "./frontmatter";
import type { GlossaryFile } from "./glossary";
import { PENDING_WIDGETS, TAG_PROPS } from "./tag-props";

/** `##` sections every chapter must have: the config table and the summary. */
const REQUIRED_SECTIONS = ["이 장의 설정", "정리"];
const MIN_QUESTIONS = 8;

interface MdxNode {
  type: string;
  name?: string | null;
  url?: string;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
}

/** Every problem the content check finds in a course rooted at `root`, as Korean messages with file:line. */
export function checkContent(root = process.cwd()): string[] {
  const errors: string[] = [];
  let chapters: CorpusChapter[] = [];
  try {
    chapters = readCorpus(root);
  } catch (e) {
    return [`content/chapters: 장을 읽지 못했습니다 — ${(e as Error).message}`];
  }
  let glossary: GlossaryFile | null = null;
  try {
    glossary = readGlossary(root);
  } catch (e) {
    errors.push((e as Error).message);
  }
  const termIds = new Set(glossary?.terms.map((t) => t.id) ?? []);
  const anchorsOf = new Map(chapters.map((c) => [c.slug, new Set(c.toc.map((t) => t.id))]));
  const orders = new Map<number, string>();
  const questionIds = new Map<string, string>();

  for (const c of chapters) {
    const file = `content/chapters/${c.slug}/index.mdx`;
    const at = (n: MdxNode) => `${file}:${(n.position?.start.line ?? 0) + c.bodyLine}`;
    const fm = chapterFrontmatterSchema.safeParse(c.data);
    if (!fm.success) errors.push(`${file}: frontmatter가 올바르지 않습니다 — ${fm.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    else if (orders.has(fm.data.order)) errors.push(`${file}: order ${fm.data.order}가 ${orders.get(fm.data.order)}와 겹칩니다`);
    else orders.set(fm.data.order, c.slug);
    for (const s of findModuleStatements(c.body)) errors.push(`${file}: import/export는 쓸 수 없습니다 — ${s}`);

    if (c.parseError) {
      errors.push(`${file}: MDX를 읽지 못했습니다 — ${c.parseError}`);
      continue;
    }
    let misconceptions = 0;
    visit(c.tree as Parameters<typeof visit>[0], (raw) => {
      const n = raw as unknown as MdxNode;
      if (n.name === "Callout" && n.attributes?.some((a) => a.name === "kind" && a.value === "misconception")) misconceptions++;
      if (n.type === "mdxJsxFlowElement" || n.type === "mdxJsxTextElement") checkTag(n, at(n), errors, termIds, root, c.dir);
      if (n.type === "link" && n.url) checkLink(n.url, c.slug, anchorsOf, termIds, at(n), errors);
      if (n.type === "image" && n.url) checkImage(n.url, root, c.dir, at(n), errors);
      if (n.type === "mdxFlowExpression" && n.value !== undefined) {
        const placeholder = /^\s*\/\*\s*([A-Za-z]+)\s*\*\/\s*$/.exec(n.value);
        if (placeholder && !(PENDING_WIDGETS as readonly string[]).includes(placeholder[1]) && !MDX_TAG_NAMES.includes(placeholder[1] as MdxTagName))
          errors.push(`${at(n)}: 자리표시 {/* ${placeholder[1]} */}는 알려진 위젯이 아닙니다`);
      }
    });

    // Every chapter carries the same learning scaffold (objectives are in the frontmatter schema).
    for (const title of REQUIRED_SECTIONS)
      if (!c.toc.some((t) => t.depth === 2 && t.text === title)) errors.push(`${file}: '## ${title}' 절이 없습니다`);
    if (!misconceptions) errors.push(`${file}: '자주 하는 오해' 상자(<Callout kind="misconception">)가 없습니다`);

    const quizPath = path.join(c.dir, "quiz.yaml");
    if (!existsSync(quizPath)) errors.push(`content/chapters/${c.slug}/quiz.yaml: 퀴즈 파일이 없습니다`);
    else {
      const quiz = quizFileSchema.safeParse(parse(readFileSync(quizPath, "utf8")));
      if (!quiz.success) errors.push(`content/chapters/${c.slug}/quiz.yaml: ${quiz.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      else {
        if (quiz.data.questions.length < MIN_QUESTIONS)
          errors.push(`content/chapters/${c.slug}/quiz.yaml: 문항이 ${quiz.data.questions.length}개입니다 (최소 ${MIN_QUESTIONS}개)`);
        for (const q of quiz.data.questions) {
          const other = questionIds.get(q.id);
          if (other) errors.push(`content/chapters/${c.slug}/quiz.yaml: 질문 id '${q.id}'가 ${other}에도 있습니다`);
          questionIds.set(q.id, c.slug);
        }
      }
    }
  }

  for (const t of glossary?.terms ?? [])
    for (const ref of t.sections)
      if (!resolveSection(chapters, ref)) errors.push(`content/glossary.yaml: '${t.id}'의 절 '${ref}'이(가) 없습니다`);
  return errors;
}

function checkTag(n: MdxNode, where: string, errors: string[], termIds: Set<string>, imageRoot: string, imageDir: string) {
  const name = n.name ?? "";
  if (name === "img") {
    const src = n.attributes?.find((a) => a.name === "src")?.value;
    if (typeof src === "string") checkImage(src, imageRoot, imageDir, where, errors);
    return;
  }
  if (!name || !/^[A-Z]/.test(name)) return; // other lowercase HTML elements are plain Markdown output
  if (!MDX_TAG_NAMES.includes(name as MdxTagName)) {
    errors.push(`${where}: <${name}>는 MDX 레지스트리에 없는 태그입니다`);
    return;
  }
  const spec: { allowed: readonly string[]; required?: readonly string[] } = TAG_PROPS[name as MdxTagName];
  const attrs = n.attributes ?? [];
  for (const a of attrs) {
    if (a.type !== "mdxJsxAttribute") errors.push(`${where}: <${name}>에 펼침 속성({...})은 쓸 수 없습니다`);
    else if (!spec.allowed.includes(a.name ?? "")) errors.push(`${where}: <${name}>에는 '${a.name}' 속성이 없습니다 (허용: ${spec.allowed.join(", ") || "없음"})`);
  }
  for (const r of spec.required ?? []) if (!attrs.some((a) => a.name === r)) errors.push(`${where}: <${name}>에 '${r}' 속성이 필요합니다`);
  if (name === "Term") {
    const id = attrs.find((a) => a.name === "id")?.value;
    if (typeof id !== "string") errors.push(`${where}: <Term id>는 문자열이어야 합니다`);
    else if (!termIds.has(id)) errors.push(`${where}: 용어집에 '${id}' 용어가 없습니다`);
  }
}

function checkLink(url: string, slug: string, anchorsOf: Map<string, Set<string>>, termIds: Set<string>, where: string, errors: string[]) {
  if (/^[a-z]+:/.test(url)) return; // external links are not ours to check
  const [pathPart, anchor] = url.split("#");
  if (pathPart === "" && anchor !== undefined) {
    if (!anchorsOf.get(slug)?.has(decodeURIComponent(anchor))) errors.push(`${where}: 이 장에 '#${anchor}' 절이 없습니다`);
    return;
  }
  const chapter = /^\/chapters\/([^/]+)$/.exec(pathPart);
  if (chapter) {
    const anchors = anchorsOf.get(chapter[1]);
    if (!anchors) errors.push(`${where}: '${chapter[1]}' 장이 없습니다`);
    else if (anchor && !anchors.has(decodeURIComponent(anchor))) errors.push(`${where}: '${chapter[1]}' 장에 '#${anchor}' 절이 없습니다`);
    return;
  }
  if (pathPart === "/glossary") {
    if (anchor && !termIds.has(anchor)) errors.push(`${where}: 용어집에 '${anchor}' 용어가 없습니다`);
    return;
  }
  if (!["/", "/search", "/me"].includes(pathPart)) errors.push(`${where}: 알 수 없는 내부 링크 '${url}'`);
}

function checkImage(url: string, root: string, dir: string, where: string, errors: string[]) {
  if (/^[a-z]+:/.test(url)) return;
  const file = url.startsWith("/") ? path.join(root, "public", url) : path.join(dir, url);
  if (!existsSync(file)) errors.push(`${where}: 그림 파일 '${url}'이(가) 없습니다`);
}
