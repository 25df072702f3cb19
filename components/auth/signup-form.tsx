"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import type { ApiError, SignupRequest } from "@/lib/api/contracts";
import { AuthField, primaryButton } from "./auth-field";
import { safeCallback } from "./login-form";
import { fetchCsrfToken, submitForm } from "./session-provider";

/** Sign-up form: creates the account, then signs in with the same credentials. */
export function SignupForm() {
  const params = useSearchParams();
  const callbackUrl = safeCallback(params.get("callbackUrl"));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: SignupRequest = { name: String(form.get("name")), email: String(form.get("email")), password: String(form.get("password")) };
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/signup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) {
        // Every server error is JSON `{ error }`; anything else (a proxy page) still gets a Korean line.
        const data = (await res.json().catch(() => null)) as ApiError | null;
        setError(data?.error ?? `가입하지 못했습니다 (서버 응답 ${res.status}). 잠시 후 다시 시도해 주세요.`);
        setPending(false);
        return;
      }
      submitForm("/api/auth/callback/credentials", {
        csrfToken: await fetchCsrfToken(),
        email: String(body.email),
        password: String(body.password),
        callbackUrl,
      });
    } catch {
      setError("서버에 연결하지 못했습니다. 잠시 후 다시 시도해 주세요.");
      setPending(false);
    }
  };

  return (
    <form onSubmit={submit} className="space-y-4">
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <AuthField label="이름" name="name" autoComplete="name" />
      <AuthField label="이메일" name="email" type="email" autoComplete="email" />
      <AuthField label="비밀번호" name="password" type="password" autoComplete="new-password" minLength={8} hint="8자 이상" />
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "가입하는 중…" : "가입하기"}
      </button>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        이미 계정이 있나요?{" "}
        <Link href="/login" className="text-sky-700 underline dark:text-sky-400">
          로그인
        </Link>
      </p>
    </form>
  );
}
