"use client";

import { createContext, useCallback, useContext, useEffect, useState } from "react";
import type { SessionResponse, SessionUserDto } from "@/lib/api/contracts";

/** The signed-in user as the browser knows it (the server's contract type). */
export type ClientUser = SessionUserDto;

type SessionState = { status: "loading"; user: null } | { status: "signed-out"; user: null } | { status: "signed-in"; user: ClientUser };

const SessionContext = createContext<SessionState & { refresh: () => void }>({ status: "loading", user: null, refresh: () => {} });

/**
 * Loads the sign-in state in the browser, so pages themselves stay static and cacheable:
 * nothing in a lesson's server render reads the session.
 */
export function SessionProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading", user: null });
  const refresh = useCallback(() => {
    fetch("/api/auth/session", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((data: SessionResponse) =>
        setState(data?.user?.id ? { status: "signed-in", user: data.user } : { status: "signed-out", user: null }),
      )
      .catch(() => setState({ status: "signed-out", user: null }));
  }, []);
  useEffect(refresh, [refresh]);
  return <SessionContext.Provider value={{ ...state, refresh }}>{children}</SessionContext.Provider>;
}

/** The current sign-in state. */
export const useSession = () => useContext(SessionContext);

/** Fetches a CSRF token (this also sets Auth.js's CSRF cookie). */
export async function fetchCsrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { cache: "no-store" });
  const data = (await res.json()) as { csrfToken: string };
  return data.csrfToken;
}

/** Posts a real form (a navigation, so Auth.js's redirect and cookies apply as usual). */
export function submitForm(action: string, fields: Record<string, string>) {
  const form = document.createElement("form");
  form.method = "POST";
  form.action = action;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}
