// Who is signed in. The next-auth JWT only carries the user id and the session version it was issued
// with; every request re-reads the user, so a deleted user or a bumped session version (password
// change, sign-out everywhere) loses access on the very next request.
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isStaff: boolean;
  totpEnabled: boolean;
  /** An organization's password rules, enforced at sign-in, require a new password first (only account pages work until then). */
  passwordChangeRequired: boolean;
}

export interface SessionClaims {
  uid: string;
  sv: number;
}

/** How long a session lasts (next-auth's JWT and cookie lifetime). */
export const SESSION_MAX_AGE_SECONDS = 12 * 3600;

export function sessionCookieName(): string {
  return env().APP_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

interface CookieReader {
  get(name: string): { value: string } | undefined;
  getAll(): { name: string; value: string }[];
}

/** The raw session token, reassembling next-auth's chunked cookie (`.0`, `.1`, ...) if it was split. */
function readSessionToken(jar: CookieReader): string | undefined {
  const name = sessionCookieName();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

export async function claimsFromCookies(jar: CookieReader): Promise<SessionClaims | null> {
  const token = readSessionToken(jar);
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: env().NEXTAUTH_SECRET });
    if (!payload || typeof payload.uid !== "string" || typeof payload.sv !== "number") return null;
    return { uid: payload.uid, sv: payload.sv };
  } catch {
    return null;
  }
}

export async function userFromClaims(claims: SessionClaims | null): Promise<SessionUser | null> {
  if (!claims) return null;
  const user = await db.user.findUnique({
    where: { id: claims.uid },
    select: { id: true, email: true, name: true, isStaff: true, sessionVersion: true, totpEnabledAt: true, passwordChangeRequired: true },
  });
  if (!user || user.sessionVersion !== claims.sv) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isStaff: user.isStaff,
    totpEnabled: user.totpEnabledAt !== null,
    passwordChangeRequired: user.passwordChangeRequired,
  };
}

/** The signed-in user for a server component or server action, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  return userFromClaims(await claimsFromCookies(await cookies()));
}

function sessionCookie(value: string, maxAge: number): string {
  const secure = env().APP_URL.startsWith("https://");
  const expires = new Date(Date.now() + maxAge * 1000).toUTCString();
  return `${sessionCookieName()}=${value}; Path=/; Expires=${expires}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/**
 * A Set-Cookie value carrying a fresh session for `user` at `sessionVersion`, in the same form
 * next-auth issues at sign-in. Used after a password change: the version bump ends every session,
 * and the browser that made the change is handed a new one instead of being asked to sign in again.
 */
export async function issueSessionCookie(user: { id: string; email: string; name: string }, sessionVersion: number): Promise<string> {
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email, uid: user.id, sv: sessionVersion },
    secret: env().NEXTAUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return sessionCookie(token, SESSION_MAX_AGE_SECONDS);
}

/** A Set-Cookie value that deletes the session cookie (after sign-out everywhere). */
export function clearedSessionCookie(): string {
  return sessionCookie("", 0);
}
