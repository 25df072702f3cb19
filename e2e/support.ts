import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import { parse } from "yaml";
import { quizFileSchema, type Question } from "../lib/quiz/schema";
import { instantiate, simulationKey } from "../lib/quiz/simulation";

export const FIRST_CHAPTER = "01-kafka-ecosystem";

/** A fresh e-mail per test run, so journeys never collide with earlier data. */
export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;

/** Reads a chapter's authored quiz (with its key) from disk: the test plays a learner who knows the answers. */
export function quizKey(slug: string): Question[] {
  const text = readFileSync(path.join("content", "chapters", slug, "quiz.yaml"), "utf8");
  return quizFileSchema.parse(parse(text)).questions;
}

/** The right choices of a simulation question for the scenario the page shows, as the server's engine decides. */
export function simulationChoices(q: Question, seed: number): string[] {
  if (q.type !== "simulation") throw new Error(`${q.id} is not a simulation question`);
  const outcome = simulationKey(instantiate(q, seed));
  if (!outcome.ok) throw new Error(`${q.id}: ${outcome.message}`);
  return outcome.key;
}

/** Signs up through the Korean form and waits until the header shows the new learner. */
export async function signUp(page: Page, name: string, email: string, password: string) {
  await page.goto("/signup");
  await page.getByLabel("이름").fill(name);
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(password);
  await page.getByRole("button", { name: "가입하기" }).click();
  // Signing up hashes the password twice at OWASP's scrypt cost (create, then sign in): seconds on a busy CPU.
  await expect(page.getByRole("heading", { name: "내 학습" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("signed-in-name")).toHaveText(`${name}님`);
}

/** Signs in through the Korean form (waiting for the CSRF token to load first). */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(password);
  const button = page.getByRole("button", { name: "로그인", exact: true });
  await expect(button).toBeEnabled();
  // Checking a password at OWASP's scrypt cost takes seconds on a busy CPU: wait for the answer itself.
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"), { timeout: 20_000 });
  await button.click();
  await answered;
}

/** A new browser context signed in as this account, waiting until the header shows the user. */
export async function signedIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page.getByTestId("signed-in-name")).toBeVisible();
  return { context, page };
}

/** Answers every question of a quiz on the page with the authored key. */
export async function answerQuizCorrectly(page: Page, slug: string) {
  for (const [i, q] of quizKey(slug).entries()) {
    const group = page.getByRole("group").filter({ has: page.locator("legend", { hasText: new RegExp(`^${i + 1}\\.`) }) });
    switch (q.type) {
      case "single":
        await group.locator(`input[value="${q.answer}"]`).check();
        break;
      case "multiple":
        for (const id of q.answer as string[]) await group.locator(`input[value="${id}"]`).check();
        break;
      case "true-false":
        await group.getByLabel(q.answer ? "참 (O)" : "거짓 (X)").check();
        break;
      case "short-answer":
        await group.getByRole("textbox").fill(typeof q.answer[0] === "string" ? q.answer[0] : q.answer[0].text);
        break;
      case "numeric": {
        const key = Array.isArray(q.answer) ? q.answer[0] : q.answer;
        await group.getByRole("spinbutton").fill(String("value" in key ? key.value : key.min));
        break;
      }
      case "simulation": {
        const seed = Number((await group.getByText(/^시나리오 #\d+$/).textContent())?.replace(/\D/g, ""));
        for (const id of simulationChoices(q, seed)) await group.locator(`input[value="${id}"]`).check();
        break;
      }
      default:
        throw new Error(`answerQuizCorrectly cannot answer ${q.type} questions yet (${q.id})`);
    }
  }
}

/**
 * Opens a chapter and scrolls past each of its widgets, as a reader does: widgets load only near
 * the viewport (ADR 0032). Ends back at the top of the page.
 */
export async function openChapter(page: Page, url: string) {
  await page.goto(url);
  for (const box of await page.locator("[data-island]").all()) {
    await box.scrollIntoViewIfNeeded();
    await expect(box.locator('[aria-busy="true"]')).toHaveCount(0);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
