import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { createStudent } from "@/lib/db/queries";
import { firstIssue, jsonError, readJson } from "@/lib/http";

const signupSchema = z.object({
  name: z.string({ error: "이름을 입력해 주세요." }).trim().min(1, "이름을 입력해 주세요.").max(40, "이름은 40자 이내로 입력해 주세요."),
  email: z.string({ error: "이메일을 입력해 주세요." }).trim().toLowerCase().email("올바른 이메일 주소를 입력해 주세요.").max(254),
  password: z
    .string({ error: "비밀번호를 입력해 주세요." })
    .min(8, "비밀번호는 8자 이상이어야 합니다.")
    .max(200, "비밀번호는 200자 이하여야 합니다."),
});

/** Creates a student account. Authenticate (none) → validate → act. */
export async function POST(req: Request) {
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const parsed = signupSchema.safeParse(body.body);
  if (!parsed.success) return jsonError(400, firstIssue(parsed.error));
  const { name, email, password } = parsed.data;
  const user = await createStudent({ name, email, passwordHash: await hashPassword(password) });
  if (!user) return jsonError(409, "이미 가입된 이메일입니다. 로그인해 주세요.");
  return Response.json({ user: { email: user.email, name: user.name } }, { status: 201 });
}
