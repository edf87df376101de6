"use client";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { BookOpen, LogOut, Settings, ShieldCheck } from "lucide-react";
import { MenuContent, MenuItem, MenuLabel, MenuRoot, MenuSeparator, MenuTrigger } from "@/components/ui/dropdown";

export function AccountMenu({ name, email, isStaff }: { name: string; email: string; isStaff: boolean }) {
  const initials = name
    .split(/\s+/)
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <MenuRoot>
      <MenuTrigger className="flex items-center gap-2 rounded-full p-0.5 pr-2 text-sm text-slate-700 hover:bg-slate-100" aria-label={`Account menu for ${name}`}>
        <span aria-hidden className="flex size-8 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white">
          {initials || "?"}
        </span>
        <span className="hidden max-w-40 truncate font-medium sm:block">{name}</span>
      </MenuTrigger>
      <MenuContent>
        <MenuLabel>
          <span className="block truncate font-semibold text-slate-900">{name}</span>
          <span className="block truncate font-normal">{email}</span>
        </MenuLabel>
        <MenuSeparator />
        <MenuItem asChild>
          <Link href="/account">
            <Settings aria-hidden /> Account settings
          </Link>
        </MenuItem>
        <MenuItem asChild>
          <Link href="/developers">
            <BookOpen aria-hidden /> API reference
          </Link>
        </MenuItem>
        {isStaff ? (
          <MenuItem asChild>
            <Link href="/admin">
              <ShieldCheck aria-hidden /> Staff console
            </Link>
          </MenuItem>
        ) : null}
        <MenuSeparator />
        <MenuItem onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>
          <LogOut aria-hidden /> Sign out
        </MenuItem>
      </MenuContent>
    </MenuRoot>
  );
}
