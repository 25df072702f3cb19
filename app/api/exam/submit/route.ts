import { examSubmitSchema } from "@/lib/assessment/api-schema";
import { submitExam } from "@/lib/assessment/handlers";
import { attemptTokenSecret, learnerPost } from "@/lib/assessment/request";

export const dynamic = "force-dynamic";

/** Grades and stores a whole exam attempt; the token decides which questions and until when. */
export const POST = learnerPost(examSubmitSchema, { createLearner: false, noLearner: "시험을 시작한 브라우저에서 제출해 주세요." }, (learner, body, now) =>
  submitExam(learner, body, now, attemptTokenSecret()),
);
