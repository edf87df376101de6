// The staff console (platform staff only).
import type { ReactNode } from "react";
import { Network, Tags } from "lucide-react";
import { SectionTitle } from "@/components/shell/section-title";
import { SectionLayout, SideNav } from "@/components/shell/side-nav";
import { staffPage } from "@/lib/authz/page-guards";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await staffPage();
  return (
    <SectionLayout
      nav={
        <SideNav
          label="Staff console"
          header={<SectionTitle kicker="Platform" name="Staff console" />}
          items={[
            { href: "/admin", label: "Providers", icon: <Network />, exact: true },
            { href: "/admin/pricing", label: "Pricing and tiers", icon: <Tags /> },
          ]}
        />
      }
    >
      {children}
    </SectionLayout>
  );
}
