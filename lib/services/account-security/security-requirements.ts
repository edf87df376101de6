// What the account's organizations and providers require of its sign-in security, for the account
// page: who requires two-step login (so turning it off can warn what is lost), and the password
// rules a new password must meet (the strictest combination of the organizations' rules).
import { db } from "@/lib/db/client";
import { describePasswordRules } from "@/lib/policies/password-rules";
import { passwordRulesForUser } from "@/lib/services/policies/master-password-policy";

export interface SecurityRequirements {
  twoFactor: {
    /** Organizations whose policy covers the account's membership (revoked when two-step login is off). */
    organizations: { id: string; name: string; status: "ACCEPTED" | "CONFIRMED" | "REVOKED" | "INVITED" }[];
    /** Providers that require it of members to open clients. */
    providers: { id: string; name: string }[];
  };
  password: {
    /** The combined rules, as lines to show. */
    rules: string[];
    organizations: string[];
    /** Organizations that check the password at sign-in (and require a change when it misses their rules). */
    enforcedAtSignIn: string[];
  };
}

export async function securityRequirements(userId: string): Promise<SecurityRequirements> {
  const [memberships, providers, password] = await Promise.all([
    db.organizationMember.findMany({
      where: { userId, role: "USER", organization: { policies: { some: { type: "TWO_FACTOR_AUTHENTICATION", enabled: true } } } },
      select: { status: true, organization: { select: { id: true, name: true } } },
      orderBy: { organization: { name: "asc" } },
    }),
    db.providerUser.findMany({
      where: { userId, status: "CONFIRMED", provider: { require2fa: true } },
      select: { provider: { select: { id: true, name: true } } },
      orderBy: { provider: { name: "asc" } },
    }),
    passwordRulesForUser(userId),
  ]);
  return {
    twoFactor: {
      organizations: memberships.map((m) => ({ ...m.organization, status: m.status })),
      providers: providers.map((p) => p.provider),
    },
    password: {
      rules: describePasswordRules(password.rules),
      organizations: password.sources.map((s) => s.organizationName),
      enforcedAtSignIn: password.sources.filter((s) => s.enforceOnLogin).map((s) => s.organizationName),
    },
  };
}
