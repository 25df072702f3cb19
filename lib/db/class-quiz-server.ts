import "server-only";
import { checkItems } from "../assessment/class-quiz";
import type { ClassQuizSettings } from "../assessment/class-quiz-contracts";
import { ensureBankReady } from "./bank-server";
import { listCandidates } from "./class-quiz";
import { db } from "./index";

/** Field errors of a quiz's items against the bank as it is now (content/ questions imported first). */
export async function checkClassQuizItems(s: ClassQuizSettings): Promise<Record<string, string>> {
  await ensureBankReady();
  return checkItems(s.items, await listCandidates(db));
}
