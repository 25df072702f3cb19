import { markReadRequestSchema, markReadResponseSchema } from "@/lib/api/contracts";
import { listChapters } from "@/lib/content/chapters";
import { markChapterRead } from "@/lib/db/queries";
import { defineRoute, HttpError } from "@/lib/server";

// The chapter list is fixed for the life of a deployment; read it once, not per request.
let slugs: Promise<Set<string>> | undefined;
const chapterSlugs = () => {
  slugs ??= listChapters().then((cs) => new Set(cs.map((c) => c.slug)));
  slugs.catch(() => (slugs = undefined));
  return slugs;
};

/** Marks a chapter as read to its end. Authenticate → validate → act. */
export const POST = defineRoute(
  { method: "POST", auth: "user", body: markReadRequestSchema, response: markReadResponseSchema },
  async ({ user, body }) => {
    if (!(await chapterSlugs()).has(body.chapter)) throw new HttpError(404, "없는 장입니다.", { code: "no_chapter" });
    const readAt = await markChapterRead(user.id, body.chapter);
    return { chapter: body.chapter, readAt: readAt.toISOString() };
  },
);
