// `npm run user:create -- --role admin --email a@b.c [--name 이름]`: creates one account.
// The password is read from stdin when piped (`printf '%s' "$PW" | npm run user:create -- …`) or
// asked for at a prompt without echo; never from the command line, where `ps` and shell history see it.
import "dotenv/config";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLES } from "../lib/auth/roles";
import { createDb } from "../lib/db/client";
import { parseEnv } from "../lib/env-schema";
import { createUser } from "../prisma/seed";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = (() => {
  try {
    return parseArgs({ options: { role: { type: "string", default: "student" }, email: { type: "string" }, name: { type: "string" } }, strict: true });
  } catch (e) {
    return fail(`${(e as Error).message}\n사용법: npm run user:create -- --role admin --email a@example.com [--name 이름] (비밀번호는 입력 창 또는 stdin)`);
  }
})();

const input = z
  .object({
    role: z.enum(ROLES, { error: `--role은 ${ROLES.join(", ")} 중 하나입니다.` }),
    email: z.email({ error: "--email에 이메일 주소를 주세요." }),
    name: z.string().trim().min(1).max(40).optional(),
  })
  .safeParse(values);
if (!input.success) fail(input.error.issues.map((i) => i.message).join("\n"));

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, "");
  }
  // Prompt without echo: readline writes nothing back while muted.
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(q);
      let muted = true;
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => (muted ? undefined : write.call(rl, s));
      rl.question("", (answer) => {
        muted = false;
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("비밀번호: ");
  const again = await ask("비밀번호 확인: ");
  rl.close();
  if (first !== again) fail("두 비밀번호가 다릅니다.");
  return first;
}

const password = await readPassword();
if (password.length < 12 || password.length > 200) fail("비밀번호는 12~200자여야 합니다.");

const env = parseEnv(process.env);
const db = createDb(env.DATABASE_URL);
const { role, name } = input.data;
const email = input.data.email.trim().toLowerCase();
const result = await createUser(db, { email, role, name: name ?? email.split("@")[0], password });
await db.$disconnect();
if (result.status === "exists") fail(`이미 있는 계정입니다: ${email} (바꾸지 않았습니다)`);
console.log(`계정을 만들었습니다: ${email} (${role})`);
