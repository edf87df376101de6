import Link from "next/link";
import { Ban, Clock, ShieldAlert, ShieldOff } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import type { AppError } from "@/lib/errors";

const ICONS: Record<string, typeof Ban> = {
  provider_disabled: Ban,
  organization_disabled: Ban,
  membership_pending: Clock,
  member_revoked: ShieldOff,
  two_factor_required: ShieldAlert,
};

const TITLES: Record<string, string> = {
  provider_disabled: "This provider is disabled",
  organization_disabled: "This organization is disabled",
  membership_pending: "Waiting for confirmation",
  member_revoked: "Access revoked",
  two_factor_required: "Two-step login required",
};

/** Shown instead of a section when the user belongs to it but may not use it right now. */
export function AccessNotice({ error }: { error: AppError }) {
  const Icon = ICONS[error.code] ?? ShieldOff;
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center px-4 py-20 text-center">
      <div className="rounded-full bg-amber-50 p-3 text-amber-700">
        <Icon aria-hidden className="size-6" />
      </div>
      <h1 className="mt-4 text-xl font-semibold text-slate-900">{TITLES[error.code] ?? "You cannot open this"}</h1>
      <p className="mt-2 text-sm text-slate-600">{error.message}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        {error.code === "two_factor_required" ? (
          <Link href="/account" className={buttonClass({ variant: "primary" })}>
            Turn on two-step login
          </Link>
        ) : null}
        <Link href="/" className={buttonClass({ variant: "secondary" })}>
          Go home
        </Link>
      </div>
    </div>
  );
}
