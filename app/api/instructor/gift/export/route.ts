import { z } from "zod";
import { db } from "@/lib/db";
import { exportGift } from "@/lib/db/bank-gift";
import { ensureBankReady } from "@/lib/db/bank-server";
import { chapterSlugSchema } from "@/lib/db/instructor-schema";
import { defineRoute } from "@/lib/server";

/** The bank (or one chapter of it) as a GIFT file download. */
export const GET = defineRoute({ method: "GET", auth: "instructor", query: z.object({ chapter: chapterSlugSchema.optional() }) }, async ({ query }) => {
  await ensureBankReady();
  const text = await exportGift(db, query.chapter);
  return new Response(text, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="${query.chapter ?? "question-bank"}.gift.txt"`,
      "cache-control": "private, no-store",
    },
  });
});
