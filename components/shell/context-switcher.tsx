"use client";
// Jump between the places the user works in: the staff console, their providers, their organizations.
import Link from "next/link";
import { Building2, ChevronsUpDown, Home, Network, ShieldCheck } from "lucide-react";
import { MenuContent, MenuItem, MenuLabel, MenuRoot, MenuSeparator, MenuTrigger } from "@/components/ui/dropdown";

export interface SwitcherEntry {
  id: string;
  name: string;
}

export function ContextSwitcher({
  current,
  isStaff,
  providers,
  organizations,
}: {
  current: string;
  isStaff: boolean;
  providers: SwitcherEntry[];
  organizations: SwitcherEntry[];
}) {
  return (
    <MenuRoot>
      <MenuTrigger className="flex max-w-72 items-center gap-2 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-200 hover:bg-slate-50">
        <span className="truncate">{current}</span>
        <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-slate-400" />
        <span className="sr-only">Switch provider or organization</span>
      </MenuTrigger>
      <MenuContent align="start" className="max-h-[70vh] w-72 overflow-y-auto">
        <MenuItem asChild>
          <Link href="/">
            <Home aria-hidden /> Home
          </Link>
        </MenuItem>
        {isStaff ? (
          <MenuItem asChild>
            <Link href="/admin">
              <ShieldCheck aria-hidden /> Staff console
            </Link>
          </MenuItem>
        ) : null}
        {providers.length ? (
          <>
            <MenuSeparator />
            <MenuLabel>Providers</MenuLabel>
            {providers.map((p) => (
              <MenuItem key={p.id} asChild>
                <Link href={`/providers/${p.id}`}>
                  <Network aria-hidden /> <span className="truncate">{p.name}</span>
                </Link>
              </MenuItem>
            ))}
          </>
        ) : null}
        {organizations.length ? (
          <>
            <MenuSeparator />
            <MenuLabel>Organizations</MenuLabel>
            {organizations.map((o) => (
              <MenuItem key={o.id} asChild>
                <Link href={`/organizations/${o.id}`}>
                  <Building2 aria-hidden /> <span className="truncate">{o.name}</span>
                </Link>
              </MenuItem>
            ))}
          </>
        ) : null}
      </MenuContent>
    </MenuRoot>
  );
}
