"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { retryText } from "@/lib/api/retry-text";
import { AuthField, primaryButton } from "./auth-field";
import { fetchCsrfToken } from "./session-provider";

const ERRORS: Record<string, string> = {
  // One message for unknown e-mail and wrong password, so the form never reveals who has an account.
  CredentialsSignin: "이메일 또는 비밀번호가 올바르지 않습니다.",
  MissingCSRF: "보안 토큰이 만료되었습니다. 다시 시도해 주세요.",
};

/** The Korean line for Auth.js's `?error=…&code=…`; a rate-limited sign-in says when to retry. */
export function signInErrorMessage(error: string, code: string | null): string {
  const limited = /^rate_limited_(\d+)$/.exec(code ?? "");
  if (limited) {
    return `로그인 시도가 너무 많습니다. ${retryText(Number(limited[1]))}에 다시 시도해 주세요.`;
  }
  return ERRORS[error] ?? "로그인하지 못했습니다. 다시 시도해 주세요.";
}

/** Only same-site paths may be a post-login destination. */
export function safeCallback(raw: string | null): string {
  return raw && raw.startsWith("/") && !raw.startsWith("//") ? raw : "/me";
}

/** Sign-in form: posts to Auth.js's credentials callback as a normal form. */
export function LoginForm() {
  const params = useSearchParams();
  const [csrf, setCsrf] = useState("");
  useEffect(() => {
    fetchCsrfToken().then(setCsrf, () => setCsrf(""));
  }, []);
  const error = params.get("error");
  const callbackUrl = safeCallback(params.get("callbackUrl"));
  return (
    <form method="post" action="/api/auth/callback/credentials" className="space-y-4">
      <input type="hidden" name="csrfToken" value={csrf} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {signInErrorMessage(error, params.get("code"))}
        </p>
      )}
      <AuthField label="이메일" name="email" type="email" autoComplete="email" />
      <AuthField label="비밀번호" name="password" type="password" autoComplete="current-password" />
      <button type="submit" disabled={!csrf} className={primaryButton}>
        로그인
      </button>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        계정이 없나요?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-sky-700 underline dark:text-sky-400">
          회원가입
        </Link>
      </p>
    </form>
  );
}
