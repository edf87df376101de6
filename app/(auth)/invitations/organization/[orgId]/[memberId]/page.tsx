// The link in an organization invitation (client owners invited by a provider, and every other
// member invitation). Signed out: sign in or create an account with the invited address, then come
// back here. Signed in as that address: accept, and land on the organization. The organization's
// password rules are shown (accepting asks for the password to check them), and an organization
// that requires two-step login of the invited role sends people without it to turn it on first.
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AcceptInvitationButton, SwitchAccountButton } from "@/components/organizations/accept-invitation";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";
import { describeMemberInvitation } from "@/lib/services/organizations/accept-member-invitation";

export const metadata: Metadata = { title: "Organization invitation" };

const ROLE = { OWNER: "an Owner", ADMIN: "an Admin", USER: "a User" } as const;

export default async function OrganizationInvitationPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string; memberId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgId, memberId } = await params;
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const [invitation, user] = await Promise.all([describeMemberInvitation(orgId, memberId, token), currentUser()]);
  const here = `/invitations/organization/${orgId}/${memberId}?token=${encodeURIComponent(token)}`;

  if (invitation.state === "invalid") {
    return (
      <Notice title="This invitation link does not work">
        It may be incomplete, or a newer invitation replaced it. Open the link from the most recent invitation email, or ask the organization to send a new one.
      </Notice>
    );
  }
  if (invitation.state === "used") {
    return (
      <Notice title="Invitation already accepted" action={user ? { href: `/organizations/${orgId}`, label: `Go to ${invitation.organizationName}` } : { href: "/sign-in", label: "Sign in" }}>
        This invitation to {invitation.organizationName} has been accepted. An administrator confirms new members before they get access.
      </Notice>
    );
  }
  if (invitation.state === "expired") {
    return <Notice title="This invitation has expired">Ask {invitation.organizationName} to send you a new invitation.</Notice>;
  }

  const email = invitation.email!;
  const heading = (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">Join {invitation.organizationName}</h1>
      <p className="mb-6 text-sm text-slate-600">
        <strong className="font-medium text-slate-800">{email}</strong> is invited to join as {ROLE[invitation.role!]}.
      </p>
    </>
  );

  const twoFactorNote = invitation.twoFactorRequired ? (
    <Alert tone="info" className="mb-4" title="Two-step login required">
      {invitation.organizationName} requires its members to use two-step login. {user ? "" : "After creating your account or signing in, "}turn it on in
      your account settings, then open this invitation again to join.
    </Alert>
  ) : null;

  if (!user) {
    const withEmail = (path: string) => `${path}?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(email)}`;
    return (
      <>
        {heading}
        {twoFactorNote}
        <div className="space-y-3">
          <ButtonLink href={withEmail("/sign-in")} variant="primary" className="w-full">
            Sign in to accept
          </ButtonLink>
          <ButtonLink href={withEmail("/sign-up")} className="w-full">
            Create an account
          </ButtonLink>
        </div>
        <p className="mt-4 text-center text-xs text-slate-500">Use {email}: the invitation only works for that address.</p>
      </>
    );
  }

  if (user.email !== email) {
    return (
      <>
        {heading}
        <Alert tone="warning" className="mb-4">
          You are signed in as {user.email}. This invitation is for {email}.
        </Alert>
        <SwitchAccountButton signInUrl={`/sign-in?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(email)}`} />
      </>
    );
  }

  if (invitation.twoFactorRequired && !user.totpEnabled) {
    return (
      <>
        {heading}
        {twoFactorNote}
        <ButtonLink href={`/account?returnTo=${encodeURIComponent(here)}`} variant="primary" className="w-full">
          Turn on two-step login
        </ButtonLink>
      </>
    );
  }

  return (
    <>
      {heading}
      <AcceptInvitationButton
        organizationId={orgId}
        memberId={memberId}
        token={token}
        organizationName={invitation.organizationName!}
        email={email}
        passwordRules={invitation.passwordRules}
      />
      <p className="mt-4 text-center text-xs text-slate-500">After you join, an administrator confirms your membership.</p>
    </>
  );
}

function Notice({ title, children, action }: { title: string; children: ReactNode; action?: { href: string; label: string } }) {
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold text-slate-900">{title}</h1>
      <p className="text-sm text-slate-600">{children}</p>
      <Link href={action?.href ?? "/"} className="mt-6 inline-block text-sm font-medium text-brand-700 hover:underline">
        {action?.label ?? "Go to Provider Portal"}
      </Link>
    </>
  );
}
