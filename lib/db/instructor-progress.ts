// Class progress: every student's chapter reading, best quiz score and concept mastery.
import { questionSchema } from "../quiz/schema";
import type { Db } from "./client";
import { toCsv } from "./instructor-stats";

export interface StudentProgress {
  id: string;
  name: string;
  email: string;
  chapters: Record<string, { read: boolean; best: number | null; attempts: number }>;
  /** concept → share of marks earned over every answered question tagged with it, 0..1 */
  concepts: Record<string, number>;
}

/** Every student's progress (capped at 2,000 students); the class table and heatmap read this. */
export async function classProgress(db: Db): Promise<{ students: StudentProgress[]; concepts: string[] }> {
  const users = await db.user.findMany({ where: { role: "student" }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true }, take: 2000 });
  const ids = users.map((u) => u.id);
  const [reads, attempts, responses] = await Promise.all([
    db.chapterProgress.findMany({ where: { userId: { in: ids } }, select: { userId: true, chapterSlug: true, readAt: true } }),
    db.attempt.findMany({ where: { userId: { in: ids } }, select: { userId: true, chapterSlug: true, score: true, maxScore: true } }),
    db.response.findMany({ where: { attempt: { userId: { in: ids } } }, select: { score: true, questionVersionId: true, attempt: { select: { userId: true } } } }),
  ]);
  const versions = await db.questionVersion.findMany({ where: { id: { in: [...new Set(responses.map((r) => r.questionVersionId))] } }, select: { id: true, body: true } });
  const conceptsOf = new Map(versions.map((v) => [v.id, questionSchema.safeParse(JSON.parse(v.body)).data?.concepts ?? []]));
  const byId = new Map<string, StudentProgress>(users.map((u) => [u.id, { ...u, chapters: {}, concepts: {} }]));
  const chapter = (p: StudentProgress, slug: string) => (p.chapters[slug] ??= { read: false, best: null, attempts: 0 });
  for (const r of reads) if (r.readAt) chapter(byId.get(r.userId)!, r.chapterSlug).read = true;
  for (const a of attempts) {
    const c = chapter(byId.get(a.userId!)!, a.chapterSlug);
    c.attempts++;
    const ratio = a.maxScore ? a.score / a.maxScore : 0;
    if (c.best === null || ratio > c.best) c.best = ratio;
  }
  const sums = new Map<string, Map<string, { got: number; n: number }>>();
  const all = new Set<string>();
  for (const r of responses) {
    const uid = r.attempt.userId!;
    const m = sums.get(uid) ?? new Map();
    sums.set(uid, m);
    for (const c of conceptsOf.get(r.questionVersionId) ?? []) {
      all.add(c);
      const e = m.get(c) ?? { got: 0, n: 0 };
      e.got += r.score;
      e.n++;
      m.set(c, e);
    }
  }
  for (const [uid, m] of sums) for (const [c, e] of m) byId.get(uid)!.concepts[c] = e.got / e.n;
  return { students: [...byId.values()], concepts: [...all].sort() };
}

/** Class progress as CSV (UTF-8 with BOM): one row per student, chapters then concepts. */
export function progressCsv(data: { students: StudentProgress[]; concepts: string[] }, chapters: { slug: string; label: string }[]): string {
  const header = ["이름", "이메일", ...chapters.flatMap((c) => [`${c.label} 읽음`, `${c.label} 최고 점수(%)`]), ...data.concepts.map((c) => `개념 ${c}(%)`)];
  const rows = data.students.map((s) => [
    s.name,
    s.email,
    ...chapters.flatMap((c) => {
      const p = s.chapters[c.slug];
      return [p?.read ? "예" : "아니오", p?.best === null || p?.best === undefined ? "" : Math.round(p.best * 100)];
    }),
    ...data.concepts.map((c) => (s.concepts[c] === undefined ? "" : Math.round(s.concepts[c] * 100))),
  ]);
  return toCsv(header, rows);
}
