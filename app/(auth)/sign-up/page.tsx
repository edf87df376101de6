// Sign-up. Coming from an organization invitation (the callbackUrl is the invitation page), the
// account joins the organization as it is created, and the organization's password rules are shown
// and checked.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasswordRulesList } from "@/components/account/password-rules";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { describeMemberInvitation, invitationFromPath } from "@/lib/services/organizations/accept-member-invitation";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const ref = invitationFromPath(callbackUrl);
  const invitation = ref ? await describeMemberInvitation(ref.organizationId, ref.memberId, ref.token) : null;
  const joining = ref && invitation?.state === "valid" ? { ref, organizationName: invitation.organizationName!, email: invitation.email! } : null;
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold text-slate-900">Create your account</h1>
      <p className="mb-6 text-sm text-slate-600">
        {joining ? `Creating your account also accepts your invitation to ${joining.organizationName}.` : "One account for every provider and organization you belong to."}
      </p>
      {joining && invitation!.passwordRules.length ? (
        <div className="mb-4">
          <PasswordRulesList rules={invitation!.passwordRules} organizations={[joining.organizationName]} />
        </div>
      ) : null}
      <SignUpForm
        callbackUrl={callbackUrl}
        email={joining?.email ?? (typeof params.email === "string" ? params.email : undefined)}
        invitation={joining?.ref}
      />
    </>
  );
}
