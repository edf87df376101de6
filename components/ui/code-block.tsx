// Preformatted code that may scroll sideways; focusable so keyboard users can scroll it too.
import { cn } from "@/lib/cn";

export function CodeBlock({ children, label, className }: { children: string; label: string; className?: string }) {
  return (
    <pre tabIndex={0} aria-label={label} className={cn("overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100 focus:ring-2 focus:ring-brand-600 focus:outline-none", className)}>
      {children}
    </pre>
  );
}
