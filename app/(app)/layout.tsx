// The signed-in area: top bar (logo, switcher, account menu) above every section.
import type { ReactNode } from "react";
import { TopBar } from "@/components/shell/top-bar";
import { requirePageUser } from "@/lib/authz/page-guards";
import { describeMe } from "@/lib/services/accounts/me";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const me = await describeMe(user);
  return (
    <>
      <TopBar
        user={user}
        current="Switch to…"
        providers={me.providers.filter((p) => p.status === "CONFIRMED").map(({ id, name }) => ({ id, name }))}
        organizations={me.organizations.filter((o) => o.status === "CONFIRMED").map(({ id, name }) => ({ id, name }))}
      />
      <main id="main">{children}</main>
    </>
  );
}
