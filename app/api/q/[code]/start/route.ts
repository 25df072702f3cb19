import { attemptTokenSecret } from "@/lib/assessment/request";
import { shareCodeParams } from "@/lib/assessment/class-quiz-contracts";
import { startClassQuiz } from "@/lib/assessment/class-quiz-handlers";
import { db } from "@/lib/db";
import { ensureBankReady } from "@/lib/db/bank-server";
import { defineRoute, reply } from "@/lib/server";

export const dynamic = "force-dynamic";

/** Starts an attempt at a class quiz (signed in only, so attempts count): this attempt's questions and a signed token. */
export const POST = defineRoute({ method: "POST", auth: "user", params: shareCodeParams }, async ({ params, user }) => {
  await ensureBankReady();
  const r = await startClassQuiz(db, params.code, user.id, new Date(), attemptTokenSecret());
  return reply(r.body, r.status);
});
