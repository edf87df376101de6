// An invited person accepts their invitation to an organization (client owners invited when a
// provider creates the client, and every other member invitation). The link carries the token; the
// signed-in account must be the invited email. INVITED → ACCEPTED; an administrator then confirms.
// The organization's policies apply to whoever joins:
//   - MASTER_PASSWORD: the password must meet the organization's rules. Only its hash is stored, so
//     accepting asks for the password (checked against the hash, then against the rules); a new
//     account created from the invitation is checked when it is created (register-user.ts).
//   - TWO_FACTOR_AUTHENTICATION: someone the policy covers (the User role) must turn on two-step
//     login before joining (422 two_factor_required, as in the reference product).
import { timingSafeEqual } from "node:crypto";
import type { ActionContext } from "@/lib/actor";
import { describePasswordRules } from "@/lib/policies/password-rules";
import { isUuid } from "@/lib/authz/context";
import { verifyPassword } from "@/lib/crypto/password";
import { hashToken } from "@/lib/crypto/tokens";
import { db, type Tx } from "@/lib/db/client";
import type { MemberStatus, OrganizationRole } from "@/lib/db/generated/client.ts";
import { transaction } from "@/lib/db/transaction";
import { conflict, forbidden, gone, notFound, unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { countingPasswordAttempts, invalidPassword } from "@/lib/services/account-security/attempt-limits";
import { passwordPolicyRefusal, passwordRulesForOrganization } from "@/lib/services/policies/master-password-policy";
import { policyEnabled, twoFactorPolicyCovers, twoFactorRequired } from "@/lib/services/policies/two-factor-policy";

type InvitationState = "valid" | "expired" | "used" | "invalid";

interface InvitationRow {
  id: string;
  email: string;
  role: OrganizationRole;
  status: MemberStatus;
  inviteTokenHash: string | null;
  inviteExpiresAt: Date | null;
  organization: { id: string; name: string };
}

export interface InvitationRef {
  organizationId: string;
  memberId: string;
  token: string;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A link stops working once used, once a newer invitation replaced it, and when it expires. */
function stateOf(row: InvitationRow, token: string): InvitationState {
  if (!row.inviteTokenHash || !sameHash(row.inviteTokenHash, hashToken(token))) return "invalid";
  if (row.status !== "INVITED") return "used";
  if (!row.inviteExpiresAt || row.inviteExpiresAt.getTime() <= Date.now()) return "expired";
  return "valid";
}

const REFUSALS = {
  invalid: () => gone("This invitation link is no longer valid: a newer invitation may have replaced it. Ask the organization for a new one.", "invitation_invalid"),
  used: () => gone("This invitation has already been accepted.", "invitation_used"),
  expired: () => gone("This invitation has expired. Ask the organization to send a new one.", "invitation_expired"),
} as const;

const INVITATION_SELECT = {
  id: true,
  email: true,
  role: true,
  status: true,
  inviteTokenHash: true,
  inviteExpiresAt: true,
  organization: { select: { id: true, name: true } },
} as const;

export interface InvitationSummary {
  state: InvitationState;
  /** Only revealed to holders of the link's token. */
  organizationName: string | null;
  email: string | null;
  role: OrganizationRole | null;
  /** The organization's password rules, as a list to show (empty: none). */
  passwordRules: string[];
  /** The organization requires two-step login of the invited role. */
  twoFactorRequired: boolean;
}

const NOTHING: InvitationSummary = { state: "invalid", organizationName: null, email: null, role: null, passwordRules: [], twoFactorRequired: false };

const INVITATION_PATH = /^\/invitations\/organization\/([^/?#]+)\/([^/?#]+)\?(.*)$/;

/** The invitation in an invitation page's path (a sign-in or sign-up page's callbackUrl), if it is one. */
export function invitationFromPath(path: string): InvitationRef | null {
  const match = INVITATION_PATH.exec(path);
  const token = match ? new URLSearchParams(match[3]).get("token") : null;
  return match && token ? { organizationId: decodeURIComponent(match[1]!), memberId: decodeURIComponent(match[2]!), token } : null;
}

/** What the invitation page shows. Without the right token it reveals nothing. */
export async function describeMemberInvitation(organizationId: string, memberId: string, token: string): Promise<InvitationSummary> {
  if (!isUuid(organizationId) || !isUuid(memberId)) return NOTHING;
  const row: InvitationRow | null = await db.organizationMember.findFirst({ where: { id: memberId, organizationId }, select: INVITATION_SELECT });
  const state = row ? stateOf(row, token) : "invalid";
  if (!row || state === "invalid") return NOTHING;
  const [rules, twoFactorPolicy] = await Promise.all([passwordRulesForOrganization(organizationId), policyEnabled(db, organizationId, "TWO_FACTOR_AUTHENTICATION")]);
  return {
    state,
    organizationName: row.organization.name,
    email: row.email,
    role: row.role,
    passwordRules: describePasswordRules(rules.rules),
    twoFactorRequired: twoFactorPolicy && twoFactorPolicyCovers(row.role),
  };
}

/** The invitation, if it can be accepted by `email` (410 expired/used/replaced, 403 another address). */
async function acceptableInvitation(client: Tx | typeof db, ref: InvitationRef, email: string, signingUp = false): Promise<InvitationRow> {
  const row: InvitationRow | null = await client.organizationMember.findFirst({
    where: { id: ref.memberId, organizationId: ref.organizationId },
    select: INVITATION_SELECT,
  });
  if (!row) throw notFound("invitation");
  const state = stateOf(row, ref.token);
  if (state !== "valid") throw REFUSALS[state]();
  if (row.email !== email) {
    throw forbidden(
      signingUp
        ? `This invitation is for ${row.email}. Create the account with that address to join.`
        : `This invitation is for ${row.email}, but you are signed in as ${email}. Sign in with the invited address to accept it.`,
      "wrong_account",
    );
  }
  return row;
}

/** Checks an invitation before an account is created for it (sign-up from the invitation link). */
export async function invitationForSignUp(ref: InvitationRef, email: string): Promise<{ organizationName: string }> {
  if (!isUuid(ref.organizationId) || !isUuid(ref.memberId)) throw notFound("invitation");
  const row = await acceptableInvitation(db, ref, email, true);
  return { organizationName: row.organization.name };
}

export interface JoiningUser {
  id: string;
  email: string;
  name: string;
}

export interface AcceptedInvitation {
  organizationId: string;
  memberId: string;
  status: "ACCEPTED";
}

/**
 * Accepts inside the caller's transaction (also used when the account is created from the
 * invitation). The password, if the organization has rules, must have been checked already.
 */
export async function acceptInvitationInTransaction(tx: Tx, ref: InvitationRef, user: JoiningUser, ctx: ActionContext): Promise<AcceptedInvitation> {
  // Lock the membership so two clicks cannot both accept.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM organization_members WHERE id = ${ref.memberId}::uuid AND organization_id = ${ref.organizationId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("invitation");
  const row = await acceptableInvitation(tx, ref, user.email);
  const existing = await tx.organizationMember.findFirst({ where: { organizationId: ref.organizationId, userId: user.id }, select: { id: true } });
  if (existing) throw conflict("Your account is already a member of this organization.", "already_member");
  if (twoFactorPolicyCovers(row.role) && (await policyEnabled(tx, ref.organizationId, "TWO_FACTOR_AUTHENTICATION"))) {
    // Shared lock: turning two-step login off (which takes the row for update) waits for this join.
    const [security] = await tx.$queryRaw<{ totp_enabled_at: Date | null }[]>`SELECT totp_enabled_at FROM users WHERE id = ${user.id}::uuid FOR SHARE`;
    if (!security?.totp_enabled_at) {
      throw twoFactorRequired(
        `${row.organization.name} requires its members to use two-step login. Turn it on in your account settings, then open this invitation again to join.`,
      );
    }
  }

  await tx.organizationMember.update({ where: { id: row.id }, data: { status: "ACCEPTED", userId: user.id } });
  await recordEvent(tx, {
    type: "MEMBER_ACCEPTED",
    actor: ctx.actor,
    meta: ctx.meta,
    organizationId: ref.organizationId,
    target: { type: "MEMBER", id: row.id, name: row.email },
    details: { role: row.role },
  });
  return { organizationId: ref.organizationId, memberId: row.id, status: "ACCEPTED" };
}

/** The joining password against the organization's MASTER_PASSWORD rules (422 `password_policy`). */
export async function checkJoiningPassword(organizationId: string, password: string, user: Omit<JoiningUser, "id">, field: string, advice: string): Promise<void> {
  const rules = await passwordRulesForOrganization(organizationId);
  const refusal = passwordPolicyRefusal(password, rules, user, field, advice);
  if (refusal) throw refusal;
}

export async function acceptMemberInvitation(input: InvitationRef & { password?: string }, user: JoiningUser, ctx: ActionContext): Promise<AcceptedInvitation> {
  if (!isUuid(input.organizationId) || !isUuid(input.memberId)) throw notFound("invitation");
  const row = await acceptableInvitation(db, input, user.email);
  const rules = await passwordRulesForOrganization(input.organizationId);
  if (rules.sources.length > 0) {
    if (!input.password) {
      throw unprocessable(`${row.organization.name} has password rules. Enter your password so they can be checked.`, "password_required", {
        password: "Enter your password.",
      });
    }
    const password = input.password;
    await countingPasswordAttempts(user.id, async () => {
      const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
      if (!(await verifyPassword(account.passwordHash, password))) throw invalidPassword("password");
    });
    const refusal = passwordPolicyRefusal(
      password,
      rules,
      user,
      "password",
      "Change your password in your account settings to one that meets them, then open this invitation again.",
    );
    if (refusal) throw refusal;
  }
  return transaction((tx) => acceptInvitationInTransaction(tx, input, user, ctx));
}
