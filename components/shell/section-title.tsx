import type { ReactNode } from "react";

/** The name at the top of a section's sidebar (the provider or organization being worked on). */
export function SectionTitle({ kicker, name, badge }: { kicker: string; name: string; badge?: ReactNode }) {
  return (
    <div className="mb-4 hidden px-3 md:block">
      <div className="text-xs font-medium tracking-wide text-slate-500 uppercase">{kicker}</div>
      <div className="mt-0.5 truncate font-semibold text-slate-900" title={name}>
        {name}
      </div>
      {badge ? <div className="mt-1">{badge}</div> : null}
    </div>
  );
}
