import type { Metadata } from "next";
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
import { twoFactorStatus } from "@/lib/services/account-security/two-factor-status";

export const metadata: Metadata = { title: "Account settings" };

/** Below this many unused recovery codes the page urges making new ones. */
const FEW_RECOVERY_CODES = 3;

export default async function AccountPage() {
  const user = await requirePageUser();
  const [details, twoFactor] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { createdAt: true } }),
    twoFactorStatus(user.id),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 md:px-6">
      <PageHeader title="Account settings" description="Your profile and sign-in security." />
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
                <DisableTwoFactorDialog />
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
        <CardBody>
          <PasswordChangeForm email={user.email} />
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
