// Renders a client component inside the two contexts Next's App Router gives it (the router and the
// URL's search params), so useRouter / useSearchParams work in component tests. The router records
// where it was asked to go instead of navigating (jsdom has no pages to go to).
import { render } from "@testing-library/react";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { SearchParamsContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import type { ReactElement } from "react";

export interface RecordingRouter extends AppRouterInstance {
  /** Every call, in order: ["push", "/results/x"], ["refresh"], … */
  calls: (string | undefined)[][];
}

function recordingRouter(): RecordingRouter {
  const calls: (string | undefined)[][] = [];
  return {
    calls,
    back: () => void calls.push(["back"]),
    forward: () => void calls.push(["forward"]),
    refresh: () => void calls.push(["refresh"]),
    push: (href: string) => void calls.push(["push", href]),
    replace: (href: string) => void calls.push(["replace", href]),
    prefetch: () => {},
  } as unknown as RecordingRouter;
}

/** Renders `ui` as a page at `?search` would; returns Testing Library's result and the router. */
export function renderWithRouter(ui: ReactElement, search = "") {
  const router = recordingRouter();
  const result = render(
    <AppRouterContext.Provider value={router}>
      <SearchParamsContext.Provider value={new URLSearchParams(search)}>{ui}</SearchParamsContext.Provider>
    </AppRouterContext.Provider>,
  );
  return { ...result, router };
}

/** A fake network for fetch: each call is recorded and answered by `answer` (which may never resolve). */
export function fakeFetch(answer: (url: string, init?: RequestInit) => Promise<Response> | Response) {
  const calls: { url: string; body: unknown }[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined });
    return answer(url, init);
  }) as typeof fetch;
  return calls;
}

/** A promise with its resolve function outside, to hold a response until the test lets it go. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
