import "server-only";
// A learner's self-assessment of their own essay answer against the model answer (ADR 0030): the
// mark goes into the stored answer and its score, and through the same propagation as an
// instructor's grade (lib/db/grading.ts markEssay) into the attempt's total, mastery and the FSRS
// card. An instructor's grade always wins: once one exists, a self-assessment is refused.
import type { SelfAssessRequest, SelfAssessResponse } from "../api/self-assessment-contracts";
import type { Learner } from "../assessment/learner";
import { masteryByConcept, type MasteryLevel, type TaggedAnswer } from "../assessment/mastery";
import { answerHistory } from "../assessment/store";
import { readEssayAnswer, withSelfAssessment } from "../quiz/essay-answer";
import { markEssay } from "./grading";
import { db } from "./index";

export type SelfAssessOutcome = { ok: true; value: SelfAssessResponse } | { ok: false; reason: "missing" | "graded" | "hidden" };

/** The chapter or class quiz response of one question of an attempt. */
async function responseIdOf(attemptId: string, questionId: string): Promise<string | null> {
  const r = await db.response.findFirst({ where: { attemptId, questionVersion: { questionId } }, select: { id: true } });
  return r?.id ?? null;
}

async function logConcepts(id: string): Promise<string[]> {
  const l = await db.reviewLog.findUnique({ where: { id }, select: { concepts: true } });
  return l ? (JSON.parse(l.concepts) as string[]) : [];
}

const levelsOf = (history: TaggedAnswer[], concepts: readonly string[]) => {
  const m = masteryByConcept(history);
  return concepts.map((c) => m.get(c) ?? ("미학습" as MasteryLevel));
};

/**
 * Records a learner's self-assessment of their own essay answer and re-scores everything derived from
 * it, all or nothing. Rating again replaces the mark and adds a row to the trail; the same mark twice
 * changes nothing. Someone else's answer (or none) is "missing"; an instructor-graded one "graded".
 */
export async function selfAssessEssay(learner: Learner, req: SelfAssessRequest, now = new Date()): Promise<SelfAssessOutcome> {
  const id = req.target === "log" ? req.id : await responseIdOf(req.attemptId, req.questionId);
  if (!id) return { ok: false, reason: "missing" };
  const concepts = req.target === "log" ? await logConcepts(id) : [];
  const before = concepts.length ? await answerHistory(learner) : [];
  const score = req.selfAssessment;
  const outcome = await db.$transaction(async (tx) => {
    const seen = { previous: null as number | null };
    const marked = await markEssay(tx, req.target, id, score, {
      owner: learner,
      refuseIfGraded: true,
      needsFeedback: now,
      rewriteAnswer: (answer) => {
        seen.previous = readEssayAnswer(answer).selfAssessment;
        return withSelfAssessment(answer, score);
      },
    });
    if (!marked.ok) return marked;
    if (seen.previous !== score)
      await tx.essaySelfAssessment.create({
        data: { responseId: req.target === "response" ? id : null, reviewLogId: req.target === "log" ? id : null, score, assessedAt: now },
      });
    return marked;
  });
  if (!outcome.ok) return outcome;
  const after = concepts.length ? levelsOf(await answerHistory(learner), concepts) : [];
  const was = levelsOf(before, concepts);
  return {
    ok: true,
    value: {
      selfAssessment: score,
      score,
      attemptScore: outcome.attemptScore,
      mastery: concepts.map((concept, i) => ({ concept, before: was[i], after: after[i] })),
    },
  };
}

/** The self-assessment trail of one answer, oldest first (what the learner rated, when). */
export async function selfAssessmentTrail(target: { responseId: string } | { reviewLogId: string }) {
  return db.essaySelfAssessment.findMany({
    where: target,
    orderBy: [{ assessedAt: "asc" }, { id: "asc" }],
    select: { score: true, assessedAt: true },
  });
}
