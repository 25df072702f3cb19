import { expect, test } from "@playwright/test";
import { FIRST_CHAPTER, quizKey } from "./support";

test("퀴즈 정답과 해설은 제출 전에는 페이지, RSC 페이로드, JS 청크 어디에도 없다", async ({ request }) => {
  const url = `/chapters/${FIRST_CHAPTER}`;
  const html = await (await request.get(url)).text();
  const rsc = await (await request.get(url, { headers: { RSC: "1" } })).text();
  expect(html).toContain("제출"); // the quiz itself is on the page
  const chunks = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]);
  expect(chunks.length).toBeGreaterThan(0);
  const bodies = [html, rsc];
  for (const src of chunks) bodies.push(await (await request.get(src)).text());

  const secrets = quizKey(FIRST_CHAPTER).flatMap((q) => (q.explanation ? [q.explanation.slice(0, 40)] : []));
  for (const body of bodies) {
    for (const secret of secrets) expect(body).not.toContain(secret);
    expect(body).not.toMatch(/\\?"explanation\\?"\s*:/);
    expect(body).not.toMatch(/\\?"answer\\?"\s*:/);
  }
});

test("제출하면 그때 서버가 정답과 해설을 돌려준다", async ({ request }) => {
  const res = await request.post(`/api/quizzes/${FIRST_CHAPTER}/attempts`, { data: { answers: {} } });
  expect(res.status()).toBe(201);
  const body = await res.json();
  expect(body.results).toHaveLength(quizKey(FIRST_CHAPTER).length);
  expect(body.results[0].explanation).toBe(quizKey(FIRST_CHAPTER)[0].explanation);
});
