import { z } from "zod";
import { getRequestUser } from "@/lib/auth";
import { listChapters } from "@/lib/content/chapters";
import { markChapterRead } from "@/lib/db/queries";
import { jsonError, readJson } from "@/lib/http";

const bodySchema = z.object({ chapter: z.string().max(100) });

/** Marks a chapter as read to its end. Authenticate → validate → act. */
export async function POST(req: Request) {
  const user = await getRequestUser(req);
  if (!user) return jsonError(401, "로그인이 필요합니다.");
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const parsed = bodySchema.safeParse(body.body);
  if (!parsed.success) return jsonError(400, "chapter(장 식별자)가 필요합니다.");
  const chapters = await listChapters();
  if (!chapters.some((c) => c.slug === parsed.data.chapter)) return jsonError(404, "없는 장입니다.");
  const readAt = await markChapterRead(user.id, parsed.data.chapter);
  return Response.json({ chapter: parsed.data.chapter, readAt: readAt.toISOString() });
}
