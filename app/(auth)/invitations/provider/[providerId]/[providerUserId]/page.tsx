// Accepting an invitation to a provider, from the link in the invitation mail. Signed-out visitors
// sign in (or sign up) as the invited email and come back; wrong accounts and dead links are told why.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AcceptInvitationButton } from "@/components/onboarding/accept-invitation-button";
import { LinkNotice } from "@/components/onboarding/link-notice";
import { SwitchAccountButton } from "@/components/onboarding/switch-account-button";
import { PROVIDER_ROLE_LABEL } from "@/components/people/member-badges";
import { ButtonLink } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/authz/context";
import { stringParam, type SearchParams } from "@/lib/search-params";
import { accountExists } from "@/lib/services/accounts/account-exists";
import { invitationRefusal, previewProviderInvitation, type InvitationPreview } from "@/lib/services/provider-users/accept-provider-invitation";

export const metadata: Metadata = { title: "Accept invitation" };

const TITLES = {
  invalid: "This invitation link is not valid",
  used: "Invitation already accepted",
  expired: "This invitation has expired",
  provider_disabled: "This provider is disabled",
} as const;

export default async function AcceptProviderInvitationPage({
  params,
  searchParams,
}: {
  params: Promise<{ providerId: string; providerUserId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { providerId, providerUserId } = await params;
  const token = stringParam(await searchParams, "token") ?? "";
  const preview: InvitationPreview =
    isUuid(providerId) && isUuid(providerUserId) ? await previewProviderInvitation(providerId, providerUserId, token) : { state: "invalid", invitation: null };
  const user = await currentUser();
  const here = `/invitations/provider/${providerId}/${providerUserId}?token=${encodeURIComponent(token)}`;

  if (preview.state !== "valid" || !preview.invitation) {
    const state = preview.state === "valid" ? "invalid" : preview.state;
    return (
      <LinkNotice
        kind={state === "used" ? "used" : state === "expired" ? "expired" : state === "provider_disabled" ? "blocked" : "invalid"}
        title={TITLES[state]}
        actions={<ButtonLink href="/">Go to Provider Portal</ButtonLink>}
      >
        <p>{invitationRefusal(state).message}</p>
      </LinkNotice>
    );
  }

  const { email, providerName, role } = preview.invitation;
  if (!user) {
    const page = (await accountExists(email)) ? "sign-in" : "sign-up";
    redirect(`/${page}?email=${encodeURIComponent(email)}&callbackUrl=${encodeURIComponent(here)}`);
  }
  if (user.email !== email) {
    return (
      <LinkNotice kind="account" title="This invitation is for another account" actions={<SwitchAccountButton email={email} returnTo={here} />}>
        <p>
          The invitation to <strong>{providerName}</strong> was sent to <strong>{email}</strong>, and only that account can accept it. You are signed in as{" "}
          <strong>{user.email}</strong>.
        </p>
      </LinkNotice>
    );
  }

  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">Join {providerName}</h1>
      <p className="mb-6 text-sm text-slate-600">
        You were invited to join <strong>{providerName}</strong> as a <strong>{PROVIDER_ROLE_LABEL[role]}</strong>. After you accept, one of its Provider Admins
        confirms your membership.
      </p>
      <AcceptInvitationButton providerId={providerId} providerUserId={providerUserId} token={token} providerName={providerName} />
    </>
  );
}
