"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export interface NavItem {
  href: string;
  label: string;
  icon: ReactNode;
  /** Match only the exact path (for section home pages). */
  exact?: boolean;
}

export function SideNav({ label, items, header }: { label: string; items: NavItem[]; header?: ReactNode }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="w-full shrink-0 md:w-56">
      {header}
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {items.map((item) => {
          const active = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap [&_svg]:size-4",
                  active ? "bg-white text-brand-700 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:bg-white/70 hover:text-slate-900",
                )}
              >
                {item.icon}
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Sidebar + content, the layout of every section (provider, organization, staff, account). */
export function SectionLayout({ nav, banner, children }: { nav: ReactNode; banner?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row md:px-6 lg:px-8">
      {nav}
      <div className="min-w-0 flex-1">
        {banner}
        {children}
      </div>
    </div>
  );
}
