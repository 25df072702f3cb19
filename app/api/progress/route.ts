import { getRequestUser } from "@/lib/auth";
import { getLearnerProgress } from "@/lib/db/queries";
import { jsonError } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The signed-in learner's progress for every chapter they touched. */
export async function GET(req: Request) {
  const user = await getRequestUser(req);
  if (!user) return jsonError(401, "로그인이 필요합니다.");
  return Response.json({ progress: await getLearnerProgress(user.id) }, { headers: { "cache-control": "private, no-store" } });
}
