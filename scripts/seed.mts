// Seeds the database named by DATABASE_URL (default: the embedded SQLite file). Idempotent.
import "dotenv/config";
import { createDb } from "../lib/db/client";
import { parseEnv } from "../lib/env-schema";
import { seed } from "../prisma/seed";

const env = parseEnv(process.env);
const db = createDb(env.DATABASE_URL);
const { created } = await seed(db);
console.log(created.length ? `데모 계정 생성: ${created.join(", ")}` : "데모 계정이 이미 있습니다.");
await db.$disconnect();
