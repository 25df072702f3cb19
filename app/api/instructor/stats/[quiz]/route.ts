import { z } from "zod";
import { db } from "@/lib/db";
import { quizParams } from "@/lib/db/instructor-schema";
import { quizItemStats, statsCsv } from "@/lib/db/instructor-stats";
import { defineRoute } from "@/lib/server";

const query = z.object({ scope: z.enum(["first", "all"]).default("first"), format: z.enum(["json", "csv"]).default("json") });

/** Item analysis of a quiz (first attempts unless `scope=all`), as JSON or CSV. */
export const GET = defineRoute({ method: "GET", auth: "instructor", params: quizParams, query }, async ({ params, query: q }) => {
  const stats = await quizItemStats(db, params.quiz.slice(0, 100), q.scope);
  if (q.format === "json") return stats;
  return new Response(statsCsv(stats), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="item-analysis-${stats.quizId}-${q.scope}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
