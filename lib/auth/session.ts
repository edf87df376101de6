// Who is signed in. The next-auth JWT only carries the user id and the session version it was issued
// with; every request re-reads the user, so a deleted user or a bumped session version (password
// change, sign-out everywhere) loses access on the very next request.
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { isUuid } from "@/lib/authz/context";
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
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

/**
 * Decrypted session claims by token. next-auth derives the decryption key (HKDF) and decrypts the
 * token on every call — more CPU than the user read itself; a token's claims never change, so the
 * most recent tokens are remembered until they expire. Only what a valid token says is kept; whether
 * the user and session version still hold is read from the database on every request regardless.
 */
const claimsByToken = new Map<string, { claims: SessionClaims; expiresAt: number }>();
const CLAIMS_CACHE_SIZE = 2000;

export async function claimsFromCookies(jar: CookieReader): Promise<SessionClaims | null> {
  const token = readSessionToken(jar);
  if (!token) return null;
  const known = claimsByToken.get(token);
  if (known && known.expiresAt > Date.now()) return known.claims;
  try {
    const payload = await decode({ token, secret: env().NEXTAUTH_SECRET });
    if (!payload || typeof payload.uid !== "string" || typeof payload.sv !== "number") return null;
    const claims = { uid: payload.uid, sv: payload.sv };
    const expiresAt = typeof payload.exp === "number" ? payload.exp * 1000 : Date.now() + SESSION_MAX_AGE_SECONDS * 1000;
    if (claimsByToken.size >= CLAIMS_CACHE_SIZE) claimsByToken.delete(claimsByToken.keys().next().value!);
    claimsByToken.set(token, { claims, expiresAt });
    return claims;
  } catch {
    return null;
  }
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  is_staff: boolean;
  session_version: number;
  totp_enabled: boolean;
  password_change_required: boolean;
}

export async function userFromClaims(claims: SessionClaims | null): Promise<SessionUser | null> {
  if (!claims || !isUuid(claims.uid)) return null;
  const [user] = await queryRows<UserRow>(Prisma.sql`
    SELECT id::text AS id, email, name, is_staff, session_version, totp_enabled_at IS NOT NULL AS totp_enabled, password_change_required
      FROM users WHERE id = ${claims.uid}::uuid`);
  if (!user || user.session_version !== claims.sv) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isStaff: user.is_staff,
    totpEnabled: user.totp_enabled,
    passwordChangeRequired: user.password_change_required,
  };
}

/**
 * The signed-in user for a server component or server action, or null. Read once per request:
 * layouts and the page ask for it in parallel.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => userFromClaims(await claimsFromCookies(await cookies())));

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
