import "server-only";
import { cookies } from "next/headers";
import { getSessionUser } from "../auth";
import { ANON_COOKIE, checkAnonId, type Learner } from "./learner";
import { adoptAnonymousWork } from "./store";

/**
 * The learner of a server-rendered page, or null for a first-time visitor. A signed-in user still
 * carrying an anonymous id gets its work moved over (the next API call clears the cookie).
 */
export async function pageLearner(): Promise<Learner | null> {
  const [user, jar] = await Promise.all([getSessionUser(), cookies()]);
  const anonId = checkAnonId(jar.get(ANON_COOKIE)?.value);
  if (user) {
    if (anonId) await adoptAnonymousWork(anonId, user.id);
    return { userId: user.id, anonId: null };
  }
  return anonId ? { userId: null, anonId } : null;
}
