import "server-only";
import { Auth, type AuthConfig } from "@auth/core";
import Credentials from "@auth/core/providers/credentials";
import { headers } from "next/headers";
import { z } from "zod";
import { db } from "../db";
import { getEnv } from "../env";
import { DUMMY_HASH_PROMISE, verifyPassword } from "./password";
import { toRole, type Role } from "./roles";
import { resolveAuthSecret } from "./secret";

export const AUTH_BASE_PATH = "/api/auth";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/** Checks e-mail and password; unknown e-mails cost the same time as wrong passwords. */
async function authorize(raw: unknown) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, passwordHash: true, role: true },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

let config: AuthConfig | undefined;

/** The @auth/core configuration: credentials + JWT sessions, role carried in the token. */
export function authConfig(): AuthConfig {
  if (config) return config;
  const env = getEnv();
  config = {
    basePath: AUTH_BASE_PATH, // @auth/core defaults to /auth
    secret: resolveAuthSecret(env), // Auth() does not read AUTH_SECRET itself
    trustHost: true, // the origin is rebuilt by publicOrigin() below
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/login", signOut: "/logout", error: "/login" },
    logger: {
      // A wrong password is an expected outcome, not a server error worth a stack trace.
      error(error) {
        // `type` survives minification; `name` does not.
        const type = (error as { type?: string }).type ?? error.name;
        if (type === "CredentialsSignin") return;
        console.error(`[auth] ${type}: ${error.message}`, error.cause ?? "");
      },
    },
    providers: [Credentials({ credentials: { email: {}, password: {} }, authorize })],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.role = (user as { role?: string }).role;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) {
          session.user.id = token.sub;
          (session.user as { role?: Role }).role = toRole(token.role);
        }
        return session;
      },
    },
  };
  return config;
}

/**
 * The origin users reach us at. `next start` gives route handlers `http://localhost:PORT` as the
 * request URL whatever the Host header said, so redirects and cookies would land on the wrong host.
 */
export function publicOrigin(h: Headers): string {
  const configured = getEnv().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost:3000";
  return `${proto}://${host}`;
}

/** Runs an Auth.js request with the URL rebuilt on the public origin. */
export async function handleAuthRequest(req: Request): Promise<Response> {
  const u = new URL(req.url);
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.arrayBuffer();
  return Auth(
    new Request(publicOrigin(req.headers) + u.pathname + u.search, { method: req.method, headers: req.headers, body }),
    authConfig(),
  );
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

async function sessionFrom(h: Headers): Promise<SessionUser | null> {
  const cookie = h.get("cookie");
  if (!cookie || !cookie.includes("authjs.session-token")) return null; // no session cookie: skip the JWE work
  const res = await Auth(new Request(`${publicOrigin(h)}${AUTH_BASE_PATH}/session`, { headers: { cookie } }), authConfig());
  if (!res.ok) return null;
  const data = (await res.json()) as { user?: { id?: string; email?: string; name?: string; role?: string } } | null;
  const u = data?.user;
  if (!u?.id || !u.email) return null;
  return { id: u.id, email: u.email, name: u.name ?? u.email, role: toRole(u.role) };
}

/** The signed-in user in a Server Component or server action, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  return sessionFrom(await headers());
}

/** The signed-in user of a route handler request, or null. */
export function getRequestUser(req: Request): Promise<SessionUser | null> {
  return sessionFrom(req.headers);
}
