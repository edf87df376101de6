// What an invitation or setup page shows instead of its form: why the link does not work (or not for
// this account) and what to do next.
import type { ReactNode } from "react";
import { AlertTriangle, CheckCircle2, Clock, Link2Off, UserX } from "lucide-react";
import { cn } from "@/lib/cn";

const ICONS = { invalid: Link2Off, expired: Clock, used: CheckCircle2, account: UserX, blocked: AlertTriangle } as const;

export function LinkNotice({ kind, title, children, actions }: { kind: keyof typeof ICONS; title: string; children: ReactNode; actions?: ReactNode }) {
  const Icon = ICONS[kind];
  return (
    <div className="text-center">
      <div className={cn("mx-auto mb-4 flex size-12 items-center justify-center rounded-full", kind === "used" ? "bg-emerald-50 text-emerald-700" : "bg-amber-50 text-amber-700")}>
        <Icon aria-hidden className="size-6" />
      </div>
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      <div className="mt-2 space-y-2 text-sm text-slate-600">{children}</div>
      {actions ? <div className="mt-6 flex flex-col gap-2">{actions}</div> : null}
    </div>
  );
}
