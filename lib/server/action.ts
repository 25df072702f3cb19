import { headers as requestHeaders } from "next/headers";
import type { z } from "zod";
import { authorize, type AuthLevel, type UserFor } from "./auth-level";
import { toErrorResponse } from "./errors";
import { assertSameOrigin, clientAddress } from "./origin";
import { consume } from "./rate-limit";
import type { LimitCheck } from "./route";
import { resolveSession } from "./session";

/** What a form gets back from an action: nothing yet, the result, or a Korean error to show. */
export type ActionState<T> =
  | { status: "idle" }
  | { status: "ok"; data: T }
  | { status: "error"; error: string; code?: string; fieldErrors?: Record<string, string>; retryAfter?: number };

/** The state a form starts with (pass to useActionState). */
export const IDLE: ActionState<never> = { status: "idle" };

export interface ActionOptions<A extends AuthLevel, I extends z.ZodType> {
  auth: A;
  /** zod schema for the form fields (FormData is turned into an object of strings first). */
  input: I;
  rateLimit?: (ctx: { ip: string; user: UserFor<A>; input: z.output<I> }) => LimitCheck[];
}

export interface ActionContext<A extends AuthLevel, I extends z.ZodType> {
  user: UserFor<A>;
  input: z.output<I>;
  ip: string;
}

/** A server action for `useActionState`, plus `run`, the same boundary callable with explicit headers. */
export type BoundAction<T> = ((prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>) & {
  run: (h: Headers, form: FormData | Record<string, unknown>) => Promise<ActionState<T>>;
};

function formObject(form: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(form instanceof FormData)) return form;
  const out: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) if (!k.startsWith("$ACTION")) out[k] = typeof v === "string" ? v : v.name;
  return out;
}

async function asState(e: unknown): Promise<ActionState<never>> {
  if (e && typeof e === "object" && "issues" in e && Array.isArray((e as z.ZodError).issues)) {
    const issues = (e as z.ZodError).issues;
    const fieldErrors: Record<string, string> = {};
    for (const i of issues) fieldErrors[String(i.path[0] ?? "")] ??= i.message;
    return { status: "error", error: issues[0]?.message ?? "입력값이 올바르지 않습니다.", code: "invalid", fieldErrors };
  }
  // Same mapping as routes (Prisma, connection, HttpError), returned as data instead of thrown.
  const res = toErrorResponse(e);
  const body = (await res.json()) as { error: string; code?: string; retryAfter?: number };
  return { status: "error", error: body.error, code: body.code, retryAfter: body.retryAfter };
}

/**
 * Wraps a server action in the same boundary as routes: origin check, session and role, zod on the
 * form fields, rate limits, then the action; errors come back as Korean data the form can show.
 */
export function defineAction<A extends AuthLevel, I extends z.ZodType, T>(
  options: ActionOptions<A, I>,
  handler: (ctx: ActionContext<A, I>) => Promise<T>,
): BoundAction<T> {
  const run = async (h: Headers, form: FormData | Record<string, unknown>): Promise<ActionState<T>> => {
    try {
      assertSameOrigin("POST", h);
      const user = authorize(options.auth, await resolveSession(h));
      const input = options.input.parse(formObject(form));
      const ip = clientAddress(h);
      for (const c of options.rateLimit?.({ ip, user, input }) ?? []) if (c.key !== null) await consume(c.limit, c.key, c.what);
      return { status: "ok", data: await handler({ user, input, ip }) };
    } catch (e) {
      return asState(e);
    }
  };
  const action = async (_prev: ActionState<T>, form: FormData) => run(await requestHeaders(), form);
  return Object.assign(action, { run });
}
