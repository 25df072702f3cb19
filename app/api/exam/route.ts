import { examStartSchema } from "@/lib/assessment/api-schema";
import { startExam } from "@/lib/assessment/handlers";
import { attemptTokenSecret, learnerPost } from "@/lib/assessment/request";

export const dynamic = "force-dynamic";

/** Starts a course exam (종합 평가): questions without keys and a signed attempt token. */
export const POST = learnerPost(examStartSchema, { createLearner: true, noLearner: "학습자를 확인하지 못했습니다." }, (learner, body, now) =>
  startExam(learner, body, now, attemptTokenSecret()),
);
