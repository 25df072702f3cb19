import { signupRequestSchema, signupResponseSchema } from "@/lib/api/contracts";
import { hashPassword } from "@/lib/auth/password";
import { createStudent } from "@/lib/db/queries";
import { defineRoute, HttpError, LIMITS, reply } from "@/lib/server";

/**
 * Creates a student account. Authenticate (none) → validate → act. Every well-formed attempt counts
 * against the address and the e-mail, so probing which e-mails have accounts is slow (ADR 0005).
 */
export const POST = defineRoute(
  {
    method: "POST",
    auth: "public",
    body: signupRequestSchema,
    response: signupResponseSchema,
    rateLimit: ({ ip, body }) => [
      { limit: LIMITS.signUpPerAddress, key: ip, what: "가입 시도" },
      { limit: LIMITS.signUpPerAccount, key: body.email, what: "가입 시도" },
    ],
  },
  async ({ body: { name, email, password } }) => {
    const user = await createStudent({ name, email, passwordHash: await hashPassword(password) });
    if (!user) throw new HttpError(409, "이미 가입된 이메일입니다. 로그인해 주세요.", { code: "email_taken" });
    return reply({ user: { email: user.email, name: user.name } }, 201);
  },
);
