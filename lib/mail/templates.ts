// The product's outgoing messages. Each returns text and HTML versions and lists its links.
import { env } from "@/lib/env";
import type { MailMessage } from "./mailer";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function appUrl(pathname: string, query: Record<string, string> = {}): string {
  const url = new URL(pathname, `${env().APP_URL}/`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}

interface Layout {
  to: string;
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}

/** One consistent look for every message: a heading, paragraphs, one button, a quiet footer. */
function compose({ to, subject, paragraphs, action, footer }: Layout): MailMessage {
  const text = [...paragraphs, ...(action ? [`${action.label}: ${action.url}`] : []), ...(footer ? [footer] : [])].join("\n\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px">${escapeHtml(subject)}</h1>
${paragraphs.map((p) => `<p style="line-height:1.5">${escapeHtml(p)}</p>`).join("\n")}
${action ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#4338ca;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p><p style="font-size:12px;color:#475569">Or paste this link into your browser: ${escapeHtml(action.url)}</p>` : ""}
${footer ? `<p style="font-size:12px;color:#475569">${escapeHtml(footer)}</p>` : ""}
</body></html>`;
  return { to, subject, text, html, links: action ? [action.url] : [] };
}

const expiryNote = (hours: number) =>
  `This link works once and expires in ${hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? "" : "s"}` : `${hours} hours`}. If you did not expect it, ignore this message.`;

export function providerSetupInvitationMail(input: { to: string; providerName: string; providerId: string; token: string }): MailMessage {
  return compose({
    to: input.to,
    subject: `Set up ${input.providerName} on Provider Portal`,
    paragraphs: [
      `You have been invited to set up the provider "${input.providerName}".`,
      "Sign in or create an account with this email address, then complete the setup to become the provider's first admin.",
    ],
    action: { label: "Set up your provider", url: appUrl(`/setup/${input.providerId}`, { token: input.token }) },
    footer: expiryNote(env().SETUP_TOKEN_TTL_HOURS),
  });
}

export function providerUserInvitationMail(input: {
  to: string;
  providerName: string;
  providerId: string;
  providerUserId: string;
  role: "PROVIDER_ADMIN" | "SERVICE_USER";
  invitedBy: string;
  token: string;
}): MailMessage {
  return compose({
    to: input.to,
    subject: `Join ${input.providerName} on Provider Portal`,
    paragraphs: [
      `${input.invitedBy} invited you to join "${input.providerName}" as ${input.role === "PROVIDER_ADMIN" ? "a Provider Admin" : "a Service User"}.`,
      "Accept with this email address; an admin then confirms your membership.",
    ],
    action: {
      label: "Accept invitation",
      url: appUrl(`/invitations/provider/${input.providerId}/${input.providerUserId}`, { token: input.token }),
    },
    footer: expiryNote(env().INVITE_TOKEN_TTL_HOURS),
  });
}

export function organizationInvitationMail(input: {
  to: string;
  organizationName: string;
  organizationId: string;
  memberId: string;
  role: "OWNER" | "ADMIN" | "USER";
  invitedBy: string;
  token: string;
}): MailMessage {
  const role = { OWNER: "an Owner", ADMIN: "an Admin", USER: "a User" }[input.role];
  return compose({
    to: input.to,
    subject: `Join ${input.organizationName}`,
    paragraphs: [`${input.invitedBy} invited you to join the organization "${input.organizationName}" as ${role}.`],
    action: {
      label: "Accept invitation",
      url: appUrl(`/invitations/organization/${input.organizationId}/${input.memberId}`, { token: input.token }),
    },
    footer: expiryNote(env().INVITE_TOKEN_TTL_HOURS),
  });
}

// ── Account security notices: tell the account's owner whenever its sign-in protection changes,
// so a change they did not make is noticed at once.

interface SecurityNotice {
  to: string;
  at: Date;
  ip: string | null;
}

function occurrence({ at, ip }: SecurityNotice): string {
  const stamp = `${at.toISOString().slice(0, 10)} at ${at.toISOString().slice(11, 16)} UTC`;
  return ip ? `on ${stamp} from the address ${ip}` : `on ${stamp}`;
}

const NOT_YOU =
  "If this was not you, someone else can sign in to your account: change your password at once, turn two-step login off and on again to replace your authenticator and recovery codes, and tell your provider's administrators.";

const reviewAction = () => ({ label: "Review your account security", url: appUrl("/account") });

// Turning two-step login off with a recovery code is told in twoFactorDisabledMail instead.
const RECOVERY_PURPOSES = {
  sign_in: "to sign in",
  regenerate_recovery_codes: "to create new recovery codes",
} as const;

export function recoveryCodeUsedMail(input: SecurityNotice & { purpose: keyof typeof RECOVERY_PURPOSES; recoveryCodesLeft: number }): MailMessage {
  const left =
    input.recoveryCodesLeft === 0
      ? "You have no recovery codes left. Create new ones in your account settings now, or you may lose access if you lose your authenticator."
      : `You have ${input.recoveryCodesLeft} recovery code${input.recoveryCodesLeft === 1 ? "" : "s"} left. Each works once; create new ones in your account settings when they run low.`;
  return compose({
    to: input.to,
    subject: "A recovery code was used on your account",
    paragraphs: [`One of your recovery codes was used ${RECOVERY_PURPOSES[input.purpose]} ${occurrence(input)}.`, left, NOT_YOU],
    action: reviewAction(),
  });
}

export function passwordChangedMail(input: SecurityNotice): MailMessage {
  return compose({
    to: input.to,
    subject: "Your password was changed",
    paragraphs: [
      `The password of your Provider Portal account was changed ${occurrence(input)}. Every other session was signed out.`,
      "If this was not you, someone else knows your password: contact your provider's administrators or platform support at once.",
    ],
    action: reviewAction(),
  });
}

export function twoFactorEnabledMail(input: SecurityNotice): MailMessage {
  return compose({
    to: input.to,
    subject: "Two-step login is on",
    paragraphs: [
      `Two-step login was turned on for your account ${occurrence(input)}. From now on, signing in needs a code from your authenticator app or one of your recovery codes.`,
      "Keep your recovery codes somewhere safe and separate from your authenticator: nobody, not even platform support, can sign you in without them.",
      "If this was not you, someone else has access to your account: contact your provider's administrators or platform support at once.",
    ],
    action: reviewAction(),
  });
}

export function twoFactorDisabledMail(input: SecurityNotice & { withRecoveryCode: boolean }): MailMessage {
  return compose({
    to: input.to,
    subject: "Two-step login was turned off",
    paragraphs: [
      `Two-step login was turned off for your account ${occurrence(input)}${input.withRecoveryCode ? ", confirmed with one of your recovery codes" : ""}. Signing in now needs only your password, and your recovery codes no longer work.`,
      NOT_YOU,
    ],
    action: reviewAction(),
  });
}

export function providerMembershipConfirmedMail(input: { to: string; providerName: string; providerId: string; role: "PROVIDER_ADMIN" | "SERVICE_USER" }): MailMessage {
  return compose({
    to: input.to,
    subject: `You now have access to ${input.providerName}`,
    paragraphs: [
      `A Provider Admin confirmed your membership in "${input.providerName}". You can now work as ${input.role === "PROVIDER_ADMIN" ? "a Provider Admin" : "a Service User"}.`,
    ],
    action: { label: `Open ${input.providerName}`, url: appUrl(`/providers/${input.providerId}`) },
  });
}

// ── Organization policies: tell a member why they lost access and how to get it back.

const TWO_FACTOR_REVOCATION_CAUSE = {
  policy_enabled: (org: string) =>
    `"${org}" now requires its members to use two-step login, and your account does not have it turned on, so your access to the organization was revoked.`,
  two_factor_disabled: (org: string) =>
    `You turned off two-step login, which "${org}" requires of its members, so your access to the organization was revoked.`,
} as const;

export function revokedForTwoFactorMail(input: { to: string; organizationName: string; cause: keyof typeof TWO_FACTOR_REVOCATION_CAUSE }): MailMessage {
  return compose({
    to: input.to,
    subject: `Your access to ${input.organizationName} was revoked: two-step login required`,
    paragraphs: [
      TWO_FACTOR_REVOCATION_CAUSE[input.cause](input.organizationName),
      "To regain access: first turn on two-step login in your account settings (you need an authenticator app). Then ask an owner or admin of the organization to restore your access. Your membership is kept until then.",
    ],
    action: { label: "Turn on two-step login", url: appUrl("/account") },
  });
}
