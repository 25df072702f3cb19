import { db } from "@/lib/db";
import { GIFT_MAX_BYTES, importGift, previewGift } from "@/lib/db/bank-gift";
import { invalidateChapterQuiz } from "@/lib/db/bank-server";
import { giftImportSchema } from "@/lib/db/instructor-schema";
import { defineRoute } from "@/lib/server";

/**
 * GIFT import: `save: false` parses and shows every question and error; `save: true` stores the
 * questions as drafts only when the whole file is free of errors (otherwise 422 and nothing saved).
 */
export const POST = defineRoute(
  { method: "POST", auth: "instructor", body: giftImportSchema, maxBytes: GIFT_MAX_BYTES + 4096 },
  async ({ body, user }) => {
    if (!body.save) return { ...previewGift(body.text, body.chapterSlug), saved: [] };
    const result = await importGift(db, body.text, body.chapterSlug, user.id);
    if (result.errors.length)
      return Response.json({ error: `오류가 ${result.errors.length}개 있어 아무것도 저장하지 않았습니다.`, ...result }, { status: 422 });
    for (const slug of new Set(result.items.map((i) => i.chapterSlug))) invalidateChapterQuiz(slug);
    return Response.json(result, { status: 201 });
  },
);
