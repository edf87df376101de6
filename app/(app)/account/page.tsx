// Account settings: profile, two-step login, password, sessions. Shows what the account's
// organizations and providers require (two-step login, password rules), and why the user was sent
// here: a password change an organization requires at sign-in, or an invitation waiting for them
// to turn on two-step login (?returnTo=).
import type { Metadata } from "next";
import Link from "next/link";
import { KeyRound, LogOut, ShieldCheck, ShieldOff } from "lucide-react";
import { DisableTwoFactorDialog, RegenerateRecoveryCodesDialog } from "@/components/account/two-factor-manage";
import { PasswordChangeForm } from "@/components/account/password-change-form";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { TwoFactorEnrolDialog } from "@/components/account/two-factor-enrol-dialog";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { RECOVERY_CODE_COUNT } from "@/lib/auth/recovery-codes";
import { requirePageUser } from "@/lib/authz/page-guards";
import { db } from "@/lib/db/client";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { securityRequirements } from "@/lib/services/account-security/security-requirements";
import { twoFactorStatus } from "@/lib/services/account-security/two-factor-status";

export const metadata: Metadata = { title: "Account settings" };

/** Below this many unused recovery codes the page urges making new ones. */
const FEW_RECOVERY_CODES = 3;

const names = (list: readonly string[]) => (list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`);

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const query = await searchParams;
  const returnTo = query.returnTo ? safeCallbackPath(query.returnTo) : null;
  const [details, twoFactor, requirements] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { createdAt: true } }),
    twoFactorStatus(user.id),
    securityRequirements(user.id),
  ]);
  const requiredBy = [
    ...requirements.twoFactor.organizations.map((o) => o.name),
    ...requirements.twoFactor.providers.map((p) => `${p.name} (to open its clients)`),
  ];
  const revokedFor2fa = requirements.twoFactor.organizations.filter((o) => o.status === "REVOKED").map((o) => o.name);
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 md:px-6">
      <PageHeader title="Account settings" description="Your profile and sign-in security." />
      {user.passwordChangeRequired ? (
        <Alert tone="warning" title="Change your password to continue">
          Your password does not meet the password rules that {names(requirements.password.enforcedAtSignIn) || "an organization you belong to"} checks
          at sign-in. Until you change it below, only your account settings are available.{" "}
          <a href="#password-heading" className="font-medium underline">
            Go to the password form
          </a>
        </Alert>
      ) : null}
      {returnTo && returnTo !== "/" ? (
        <Alert tone="info" title="Finish here, then go back">
          When your account meets the requirements, <Link href={returnTo} className="font-medium underline">return to where you were</Link>.
        </Alert>
      ) : null}
      <Card>
        <CardHeader title="Profile" />
        <CardBody>
          <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">Name</dt>
              <dd className="font-medium text-slate-900">{user.name}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Email</dt>
              <dd className="font-medium text-slate-900">{user.email}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Member since</dt>
              <dd className="font-medium text-slate-900">
                <LocalTime iso={details.createdAt.toISOString()} dateOnly />
              </dd>
            </div>
          </dl>
        </CardBody>
      </Card>

      <Card aria-labelledby="two-step-heading">
        <CardHeader
          title={<span id="two-step-heading">Two-step login</span>}
          description="A code from an authenticator app at every sign-in, on top of your password."
          actions={twoFactor.enabled ? <Badge tone="success">On</Badge> : <Badge tone="warning">Off</Badge>}
        />
        <CardBody className="space-y-4">
          {requiredBy.length ? (
            <p className="text-sm text-slate-700">
              <span className="font-medium text-slate-900">Required by:</span> {requiredBy.join(", ")}.
            </p>
          ) : null}
          {!twoFactor.enabled && revokedFor2fa.length ? (
            <Alert tone="warning" title="Access revoked until you turn it on">
              {names(revokedFor2fa)} require{revokedFor2fa.length === 1 ? "s" : ""} two-step login and revoked your access. Turn it on below, then ask an
              owner or admin of {revokedFor2fa.length === 1 ? "the organization" : "each organization"} to restore you.
            </Alert>
          ) : null}
          {twoFactor.enabled ? (
            <>
              <div className="flex items-start gap-3 text-sm text-slate-700">
                <ShieldCheck aria-hidden className="mt-0.5 size-5 shrink-0 text-emerald-600" />
                <div>
                  <p>
                    Turned on <LocalTime iso={twoFactor.enabledAt!.toISOString()} dateOnly />. Signing in needs your password and a code from your
                    authenticator app, or one of your recovery codes.
                  </p>
                  <p className="mt-1">
                    <span className="font-medium text-slate-900">
                      {twoFactor.recoveryCodesLeft} of {RECOVERY_CODE_COUNT}
                    </span>{" "}
                    recovery codes left.
                  </p>
                </div>
              </div>
              {twoFactor.recoveryCodesLeft <= FEW_RECOVERY_CODES ? (
                <Alert tone="warning" title={twoFactor.recoveryCodesLeft === 0 ? "No recovery codes left" : "Few recovery codes left"}>
                  Create new recovery codes so you can still sign in if you lose your authenticator.
                </Alert>
              ) : null}
              <div className="flex flex-wrap gap-2">
                <RegenerateRecoveryCodesDialog email={user.email} />
                <DisableTwoFactorDialog
                  losesOrganizations={requirements.twoFactor.organizations.filter((o) => o.status !== "REVOKED").map((o) => o.name)}
                  blockedProviders={requirements.twoFactor.providers.map((p) => p.name)}
                />
              </div>
            </>
          ) : (
            <>
              <div className="flex items-start gap-3 text-sm text-slate-700">
                <ShieldOff aria-hidden className="mt-0.5 size-5 shrink-0 text-amber-600" />
                <p>
                  Your account is protected by your password alone. Accounts that manage clients&apos; organizations are worth taking over: turn on
                  two-step login so a stolen password is not enough. The platform cannot recover an account for you, so keep the recovery codes you get.
                </p>
              </div>
              <TwoFactorEnrolDialog email={user.email} />
            </>
          )}
        </CardBody>
      </Card>

      <Card aria-labelledby="password-heading">
        <CardHeader
          title={
            <span id="password-heading" className="inline-flex items-center gap-2">
              <KeyRound aria-hidden className="size-4 text-slate-500" /> Password
            </span>
          }
          description="Changing your password signs you out on every other browser and device."
        />
        <CardBody className="space-y-3">
          <PasswordChangeForm email={user.email} rules={requirements.password.rules} organizations={requirements.password.organizations} />
          {requirements.password.rules.length ? (
            <p className="text-xs text-slate-500">
              Passwords are stored only as one-way hashes, so whether your current password meets these rules cannot be checked until you sign in
              with it or change it.
            </p>
          ) : null}
        </CardBody>
      </Card>

      <Card aria-labelledby="sessions-heading">
        <CardHeader
          title={
            <span id="sessions-heading" className="inline-flex items-center gap-2">
              <LogOut aria-hidden className="size-4 text-slate-500" /> Sessions
            </span>
          }
          description="Signed in on a shared computer, or think someone else is using your account? Sign out everywhere, this browser included."
          actions={<SignOutEverywhereButton />}
        />
      </Card>
    </div>
  );
}
