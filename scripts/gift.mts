// `npm run gift -- import <file> [--chapter slug]` and `npm run gift -- export [--chapter slug] [--out file]`:
// the web GIFT import/export from a terminal, on the database of DATABASE_URL. A file with errors
// imports nothing and lists every bad line.
import "dotenv/config";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { GIFT_MAX_BYTES, exportGift, importGift } from "../lib/db/bank-gift";
import { importContentBank } from "../lib/db/bank";
import { createDb } from "../lib/db/client";
import { parseEnv } from "../lib/env-schema";

const USAGE = "사용법: npm run gift -- import <파일> [--chapter 01-slug]\n       npm run gift -- export [--chapter 01-slug] [--out 파일]";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const chapter = option(args, "--chapter");
  if (chapter !== undefined && !/^\d{2}-[a-z0-9-]+$/.test(chapter)) {
    console.error(`장 이름이 올바르지 않습니다: ${chapter} (예: 01-kafka-ecosystem)`);
    return 2;
  }
  if (command !== "import" && command !== "export") {
    console.error(USAGE);
    return 2;
  }
  const db = createDb(parseEnv(process.env).DATABASE_URL);
  try {
    await importContentBank(db);
    if (command === "export") {
      const text = await exportGift(db, chapter);
      const out = option(args, "--out");
      if (out) {
        writeFileSync(out, text);
        console.error(`${out}에 썼습니다.`);
      } else process.stdout.write(text);
      return 0;
    }
    const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--chapter");
    if (!file) {
      console.error(USAGE);
      return 2;
    }
    if (statSync(file).size > GIFT_MAX_BYTES) {
      console.error(`파일이 너무 큽니다 (최대 ${GIFT_MAX_BYTES / 1024}KB). 나눠서 가져오세요.`);
      return 1;
    }
    const result = await importGift(db, readFileSync(file, "utf8"), chapter ?? "01-kafka-ecosystem", null);
    for (const item of result.items) console.log(`${String(item.line).padStart(4)}행  ${item.draft.type.padEnd(12)} ${item.chapterSlug}  ${(item.draft.prompt ?? "").slice(0, 60)}`);
    if (result.errors.length) {
      for (const e of result.errors) console.error(`${file}:${e.line}: ${e.message}`);
      console.error(`오류가 ${result.errors.length}개 있어 아무것도 저장하지 않았습니다.`);
      return 1;
    }
    console.log(`${result.saved.length}개 문제를 초안으로 저장했습니다. /instructor 에서 확인하고 게시하세요.`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

process.exit(await main());
