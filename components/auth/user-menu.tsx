"use client";

import Link from "next/link";
import { useState } from "react";
import { fetchCsrfToken, submitForm, useSession } from "./session-provider";

const linkClass =
  "whitespace-nowrap rounded-md px-2 py-2 sm:px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

/** Sign-in state in the header: a small client island on otherwise static pages. */
export function UserMenu() {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  if (session.status === "loading") return <span className="h-9 w-28" aria-hidden="true" />;
  if (session.status === "signed-out") {
    return (
      <div className="flex items-center gap-1">
        <Link href="/login" prefetch={false} className={linkClass}>
          로그인
        </Link>
        <Link
          href="/signup"
          prefetch={false}
          className="whitespace-nowrap rounded-md bg-sky-700 px-3 py-2 text-sm font-semibold text-white hover:bg-sky-800"
        >
          회원가입
        </Link>
      </div>
    );
  }
  const signOut = async () => {
    setBusy(true);
    submitForm("/api/auth/signout", { csrfToken: await fetchCsrfToken(), callbackUrl: "/" });
  };
  return (
    <div className="flex items-center gap-1">
      <span className="hidden px-2 text-sm text-slate-600 sm:inline dark:text-slate-300" data-testid="signed-in-name">
        {session.user.name}님
      </span>
      <Link href="/me" prefetch={false} className={linkClass}>
        내 학습
      </Link>
      <button type="button" onClick={signOut} disabled={busy} className={linkClass}>
        로그아웃
      </button>
    </div>
  );
}
