"use client";

import { useEffect, useState } from "react";
import { primaryButton } from "./auth-field";
import { fetchCsrfToken } from "./session-provider";

/** Korean sign-out confirmation (replaces Auth.js's built-in English page). */
export function LogoutForm() {
  const [csrf, setCsrf] = useState("");
  useEffect(() => {
    fetchCsrfToken().then(setCsrf, () => setCsrf(""));
  }, []);
  return (
    <form method="post" action="/api/auth/signout" className="space-y-4">
      <p className="text-slate-700 dark:text-slate-300">로그아웃할까요? 학습 기록은 그대로 남습니다.</p>
      <input type="hidden" name="csrfToken" value={csrf} />
      <input type="hidden" name="callbackUrl" value="/" />
      <button type="submit" disabled={!csrf} className={primaryButton}>
        로그아웃
      </button>
    </form>
  );
}
