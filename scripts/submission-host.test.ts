import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correctAnswers } from "../bench/lib/quiz-body.mts";
import { createTestDatabase } from "../lib/testing/test-database";

// The submission host serves the app's own route handler on bare node:http (ADR 0029): these check it
// answers as `next start` does, through the same boundary, on a fresh SQLite database.
const PORT = 3141;
const base = `http://127.0.0.1:${PORT}`;
const SLUG = "01-kafka-ecosystem";
let host: ChildProcess;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const db = await createTestDatabase(undefined, "kafka_course_submit_host");
  cleanup = db.cleanup;
  host = spawn(process.execPath, ["--conditions", "react-server", "--import", "tsx", "scripts/submission-host.mts"], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: db.url, AUTH_SECRET: "submission-host-test-secret-at-least-32-bytes", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await once(host.stdout!, "data"); // "제출 서버: …" once it listens
}, 60_000);

afterAll(async () => {
  host?.kill("SIGTERM");
  if (host && host.exitCode === null) await once(host, "exit");
  await cleanup?.();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("submission host", { timeout: 60_000 }, () => {
  it("grades and stores an anonymous submission with the app's headers and response shape", async () => {
    const res = await post(`/api/quizzes/${SLUG}/attempts`, JSON.stringify({ answers: correctAnswers(SLUG) }));
    expect(res.status).toBe(201);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const body = (await res.json()) as { saved: boolean; score: number; maxScore: number; results: unknown[] };
    expect(body.saved).toBe(false);
    expect(body.results.length).toBe(body.maxScore);
    expect(body.score).toBeGreaterThan(0);
  });

  it("refuses bad input in Korean with a 4xx, as the boundary does under Next", async () => {
    const cases: [Promise<Response>, number][] = [
      [post(`/api/quizzes/${SLUG}/attempts`, "{not json"), 400],
      [post(`/api/quizzes/${SLUG}/attempts`, "{}", { "content-type": "text/plain" }), 415],
      [post(`/api/quizzes/${SLUG}/attempts`, JSON.stringify({ answers: { nope: 1 } })), 400],
      [post(`/api/quizzes/${SLUG}/attempts`, "x".repeat(70_000)), 413],
      [post(`/api/quizzes/%ZZ/attempts`, "{}"), 400],
      [post(`/api/quizzes/99-nothing/attempts`, JSON.stringify({ answers: {} })), 404],
      [post(`/api/quizzes/${SLUG}/attempts`, "{}", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), 403],
      [fetch(`${base}/api/quizzes/${SLUG}/attempts`), 405],
      [post(`/api/progress`, "{}"), 404],
    ];
    for (const [pending, status] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(/[가-힣]/);
    }
  });
});
