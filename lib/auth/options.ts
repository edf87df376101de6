// next-auth configuration: email + password (Credentials) with JWT sessions. The JWT carries only the
// user id and session version; lib/auth/session.ts re-reads the user on every request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { requestMeta } from "@/lib/api/request-meta";
import { authenticate, SignInError } from "@/lib/services/accounts/authenticate";
import { SESSION_MAX_AGE_SECONDS } from "./session";

export function authOptions(): NextAuthOptions {
  const e = env();
  process.env.NEXTAUTH_URL ??= e.APP_URL;
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          totp: { label: "Authentication code", type: "text" },
          recoveryCode: { label: "Recovery code", type: "text" },
        },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const headers = new Headers();
          for (const [key, value] of Object.entries(req?.headers ?? {})) {
            if (typeof value === "string") headers.set(key, value);
          }
          try {
            const user = await authenticate(
              {
                email: credentials.email,
                password: credentials.password,
                totp: credentials.totp || undefined,
                recoveryCode: credentials.recoveryCode || undefined,
              },
              requestMeta(headers),
            );
            return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
          } catch (error) {
            // next-auth passes the message back to the sign-in page as ?error=<code>.
            if (error instanceof SignInError) throw new Error(error.code);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.uid } };
      },
    },
  };
}
