import { expect, test } from "@playwright/test";
import { FIRST_CHAPTER, signIn } from "./support";

test("틀린 비밀번호와 없는 계정은 같은 한국어 메시지를 받는다", async ({ page }) => {
  const message = "이메일 또는 비밀번호가 올바르지 않습니다.";
  const alert = page.getByRole("alert").filter({ hasText: /\S/ });
  await signIn(page, "student@example.com", "wrong-password");
  await expect(alert).toHaveText(message);
  await signIn(page, "nobody-here@example.com", "whatever-123");
  await expect(alert).toHaveText(message);
});

test("형식이 잘못된 퀴즈 제출은 400과 한국어 메시지를 받는다", async ({ request }) => {
  const url = `/api/quizzes/${FIRST_CHAPTER}/attempts`;
  const cases = [
    { data: { answers: { "no-such-question": "a" } }, text: "이 퀴즈에 없는 문항입니다" },
    { data: { answers: "a" }, text: "제출 형식이 올바르지 않습니다: answers 객체가 필요합니다." },
    { data: { nothing: true }, text: "제출 형식이 올바르지 않습니다" },
  ];
  for (const c of cases) {
    const res = await request.post(url, { data: c.data });
    expect(res.status()).toBe(400);
    expect((await res.json()).error).toContain(c.text);
  }
  const notJson = await request.post(url, { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error).toBe("요청 본문이 올바른 JSON이 아닙니다.");
  const wrongType = await request.post(url, { headers: { "content-type": "text/plain" }, data: "hello" });
  expect(wrongType.status()).toBe(415);
  const noQuiz = await request.post(`/api/quizzes/99-nothing/attempts`, { data: { answers: {} } });
  expect(noQuiz.status()).toBe(404);
});

test("로그인하지 않은 진도 요청과 잘못된 가입은 4xx와 한국어 메시지를 받는다", async ({ request }) => {
  const progress = await request.post("/api/progress/read", { data: { chapter: FIRST_CHAPTER } });
  expect(progress.status()).toBe(401);
  expect((await progress.json()).error).toBe("로그인이 필요합니다.");
  const signup = await request.post("/api/signup", { data: { name: "가", email: "not-an-email", password: "12345678" } });
  expect(signup.status()).toBe(400);
  expect((await signup.json()).error).toBe("올바른 이메일 주소를 입력해 주세요.");
  const short = await request.post("/api/signup", { data: { name: "가", email: "short@example.com", password: "123" } });
  expect((await short.json()).error).toBe("비밀번호는 8자 이상이어야 합니다.");
  const taken = await request.post("/api/signup", { data: { name: "가", email: "student@example.com", password: "12345678" } });
  expect(taken.status()).toBe(409);
});
