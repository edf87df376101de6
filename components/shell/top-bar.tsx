import { AccountMenu } from "./account-menu";
import { ContextSwitcher, type SwitcherEntry } from "./context-switcher";
import { Logo } from "./logo";

export function TopBar({
  user,
  current,
  providers,
  organizations,
}: {
  user: { name: string; email: string; isStaff: boolean };
  current: string;
  providers: SwitcherEntry[];
  organizations: SwitcherEntry[];
}) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 md:px-6 lg:px-8">
        <Logo />
        <span aria-hidden className="h-6 w-px bg-slate-200" />
        <ContextSwitcher current={current} isStaff={user.isStaff} providers={providers} organizations={organizations} />
        <div className="ml-auto">
          <AccountMenu name={user.name} email={user.email} isStaff={user.isStaff} />
        </div>
      </div>
    </header>
  );
}
