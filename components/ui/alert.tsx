import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

const TONES = {
  info: { box: "bg-sky-50 text-sky-900 ring-sky-200", icon: Info },
  success: { box: "bg-emerald-50 text-emerald-900 ring-emerald-200", icon: CheckCircle2 },
  warning: { box: "bg-amber-50 text-amber-900 ring-amber-200", icon: AlertTriangle },
  danger: { box: "bg-red-50 text-red-900 ring-red-200", icon: XCircle },
} as const;

export function Alert({ tone = "info", title, children, action, className }: { tone?: keyof typeof TONES; title?: ReactNode; children?: ReactNode; action?: ReactNode; className?: string }) {
  const { box, icon: Icon } = TONES[tone];
  return (
    <div role={tone === "danger" ? "alert" : "status"} className={cn("flex gap-3 rounded-lg p-4 text-sm ring-1 ring-inset", box, className)}>
      <Icon aria-hidden className="mt-0.5 size-5 shrink-0" />
      <div className="min-w-0 flex-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className={cn(title ? "mt-1" : undefined)}>{children}</div> : null}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
