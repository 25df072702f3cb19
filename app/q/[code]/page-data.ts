import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { SHARE_CODE } from "@/lib/assessment/class-quiz-contracts";
import { db } from "@/lib/db";
import { getClassQuizByCode } from "@/lib/db/class-quiz";
import { resolveSession } from "@/lib/server";

/** The class quiz behind a link and the signed-in learner; an anonymous visitor is sent to sign in and back. */
export async function quizForLearner(code: string, path: string) {
  const session = await resolveSession(await headers());
  if (session.state !== "signed-in") redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  const quiz = SHARE_CODE.test(code) ? await getClassQuizByCode(db, code) : null;
  if (!quiz) notFound();
  return { quiz, user: session.user };
}
