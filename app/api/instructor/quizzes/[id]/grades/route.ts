import { z } from "zod";
import { classQuizIdParams } from "@/lib/assessment/class-quiz-contracts";
import { db } from "@/lib/db";
import { classQuizGrades, classQuizGradesCsv, getClassQuiz } from "@/lib/db/class-quiz";
import { defineRoute, HttpError } from "@/lib/server";

/** Each learner's attempts at a class quiz and their grade under its policy, as JSON or CSV (UTF-8 with BOM). */
export const GET = defineRoute(
  { method: "GET", auth: "instructor", params: classQuizIdParams, query: z.object({ format: z.enum(["json", "csv"]).default("json") }) },
  async ({ params, query }) => {
    const quiz = await getClassQuiz(db, params.id);
    if (!quiz) throw new HttpError(404, "없는 퀴즈입니다.", { code: "not_found" });
    const grades = await classQuizGrades(db, quiz.id, quiz.gradingPolicy);
    if (query.format === "json") return { policy: quiz.gradingPolicy, grades };
    return new Response(classQuizGradesCsv(grades, quiz.gradingPolicy), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="class-quiz-${quiz.code}-grades.csv"`,
        "cache-control": "private, no-store",
      },
    });
  },
);
