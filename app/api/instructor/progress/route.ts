import { z } from "zod";
import { listChapters } from "@/lib/content/chapters";
import { db } from "@/lib/db";
import { classProgress, progressCsv } from "@/lib/db/instructor-progress";
import { defineRoute } from "@/lib/server";

/** Every student's progress as JSON, or as CSV with a BOM for Excel (`format=csv`). */
export const GET = defineRoute({ method: "GET", auth: "instructor", query: z.object({ format: z.enum(["json", "csv"]).default("json") }) }, async ({ query }) => {
  const data = await classProgress(db);
  if (query.format === "json") return data;
  const chapters = (await listChapters()).map((c) => ({ slug: c.slug, label: `${c.order}장` }));
  return new Response(progressCsv(data, chapters), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="class-progress.csv"', "cache-control": "private, no-store" },
  });
});
