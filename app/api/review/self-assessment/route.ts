import { selfAssessRequestSchema } from "@/lib/api/self-assessment-contracts";
import { selfAssessAnswer } from "@/lib/assessment/handlers";
import { learnerPost } from "@/lib/assessment/request";

export const dynamic = "force-dynamic";

/** A learner's own mark (0 / 0.5 / 1) on their submitted essay against the model answer; an instructor's grade wins. */
export const POST = learnerPost(
  selfAssessRequestSchema,
  { createLearner: false, noLearner: "답안을 낸 브라우저나 계정에서 스스로 채점해 주세요." },
  selfAssessAnswer,
);
