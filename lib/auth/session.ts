// Who is signed in. The next-auth JWT only carries the user id and the session version it was issued
// with; every request re-reads the user, so a deleted user or a bumped session version (password
// change, sign-out everywhere) loses access on the very next request.
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isStaff: boolean;
  totpEnabled: boolean;
}

export interface SessionClaims {
  uid: string;
  sv: number;
}

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
    select: { id: true, email: true, name: true, isStaff: true, sessionVersion: true, totpEnabledAt: true },
  });
  if (!user || user.sessionVersion !== claims.sv) return null;
  return { id: user.id, email: user.email, name: user.name, isStaff: user.isStaff, totpEnabled: user.totpEnabledAt !== null };
}

/** The signed-in user for a server component or server action, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  return userFromClaims(await claimsFromCookies(await cookies()));
}
