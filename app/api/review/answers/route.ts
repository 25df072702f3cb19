import { answerRequestSchema } from "@/lib/assessment/api-schema";
import { answerQuestion } from "@/lib/assessment/handlers";
import { learnerPost } from "@/lib/assessment/request";

export const dynamic = "force-dynamic";

/** Grades one practice or review answer; anonymous learners get an id cookie so their work is kept. */
export const POST = learnerPost(answerRequestSchema, { createLearner: true, noLearner: "학습자를 확인하지 못했습니다." }, answerQuestion);
