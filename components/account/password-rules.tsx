// The password rules a new password must meet (organizations' MASTER_PASSWORD policies), shown above
// password fields: the account page, sign-up from an invitation, accepting an invitation.
import { ListChecks } from "lucide-react";

export function PasswordRulesList({ rules, organizations, id }: { rules: string[]; organizations: string[]; id?: string }) {
  if (rules.length === 0) return null;
  const whose = organizations.length === 1 ? organizations[0] : `${organizations.slice(0, -1).join(", ")} and ${organizations.at(-1)}`;
  return (
    <div id={id} className="rounded-lg bg-slate-50 p-4 text-sm text-slate-700 ring-1 ring-slate-200 ring-inset">
      <p className="flex items-center gap-2 font-medium text-slate-900">
        <ListChecks aria-hidden className="size-4 text-slate-500" /> Password rules of {whose}
      </p>
      <ul className="mt-2 list-disc space-y-0.5 pl-6">
        {rules.map((rule, i) => (
          <li key={i}>{rule}</li>
        ))}
      </ul>
      {organizations.length > 1 ? <p className="mt-2 text-xs text-slate-500">Where the organizations differ, the strictest rule applies.</p> : null}
    </div>
  );
}
