// Provider setup, reached from the link staff send to an MSP's first admin. A signed-out visitor is
// sent to sign in (or sign up) as the invited email and comes back here; a wrong account, or a link
// that is expired, used, replaced or forged gets a page saying so and what to do.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LinkNotice } from "@/components/onboarding/link-notice";
import { SetupForm } from "@/components/onboarding/setup-form";
import { SwitchAccountButton } from "@/components/onboarding/switch-account-button";
import { ButtonLink } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/authz/context";
import { stringParam, type SearchParams } from "@/lib/search-params";
import { accountExists } from "@/lib/services/accounts/account-exists";
import { previewSetupLink, setupRefusal, type SetupLinkPreview } from "@/lib/services/providers/complete-provider-setup";

export const metadata: Metadata = { title: "Set up your provider" };

const TITLES = {
  invalid: "This setup link is not valid",
  used: "This provider is already set up",
  revoked: "This setup link was replaced",
  expired: "This setup link has expired",
  provider_disabled: "This provider is disabled",
} as const;

export default async function SetupPage({ params, searchParams }: { params: Promise<{ providerId: string }>; searchParams: Promise<SearchParams> }) {
  const { providerId } = await params;
  const token = stringParam(await searchParams, "token") ?? "";
  const preview: SetupLinkPreview = isUuid(providerId) ? await previewSetupLink(providerId, token) : { state: "invalid", invitation: null };
  const user = await currentUser();
  const here = `/setup/${providerId}?token=${encodeURIComponent(token)}`;

  if (preview.state !== "valid" || !preview.invitation) {
    const state = preview.state === "valid" ? "invalid" : preview.state;
    const mine = user && preview.invitation && user.email === preview.invitation.email;
    return (
      <LinkNotice
        kind={state === "used" ? "used" : state === "expired" ? "expired" : state === "provider_disabled" ? "blocked" : "invalid"}
        title={TITLES[state]}
        actions={
          mine && state === "used" ? (
            <ButtonLink href={`/providers/${providerId}`} variant="primary">
              Open {preview.invitation!.providerName}
            </ButtonLink>
          ) : (
            <ButtonLink href="/">Go to Provider Portal</ButtonLink>
          )
        }
      >
        <p>{setupRefusal(state).message}</p>
      </LinkNotice>
    );
  }

  const { email, providerName } = preview.invitation;
  if (!user) {
    const page = (await accountExists(email)) ? "sign-in" : "sign-up";
    redirect(`/${page}?email=${encodeURIComponent(email)}&callbackUrl=${encodeURIComponent(here)}`);
  }
  if (user.email !== email) {
    return (
      <LinkNotice kind="account" title="This link is for another account" actions={<SwitchAccountButton email={email} returnTo={here} />}>
        <p>
          The setup link for <strong>{providerName}</strong> was sent to <strong>{email}</strong>, and only that account can complete it. You are signed in as{" "}
          <strong>{user.email}</strong>.
        </p>
      </LinkNotice>
    );
  }

  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">Set up your provider</h1>
      <p className="mb-6 text-sm text-slate-600">
        You were invited to set up <strong>{providerName}</strong>. When you finish, you become its first Provider Admin.
      </p>
      <SetupForm providerId={providerId} token={token} defaults={{ name: providerName, billingEmail: email }} />
    </>
  );
}
