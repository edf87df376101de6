// A provider's policy templates (Provider Admins): each with the policies it sets.
import type { Metadata } from "next";
import Link from "next/link";
import { Plus, ShieldCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { providerPage } from "@/lib/authz/page-guards";
import { POLICY_DEFINITIONS } from "@/lib/policies/definitions";
import { listTemplates } from "@/lib/services/policy-templates/templates";

export const metadata: Metadata = { title: "Policy templates" };

export default async function PolicyTemplatesPage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  await providerPage(providerId, "provider.templates.manage");
  const templates = await listTemplates(providerId);
  const base = `/providers/${providerId}/policy-templates`;
  return (
    <>
      <PageHeader
        title="Policy templates"
        description="A set of policies to apply to many clients at once. Each template shows which clients differ from it."
        actions={
          <ButtonLink href={`${base}/new`} variant="primary">
            <Plus aria-hidden /> New template
          </ButtonLink>
        }
      />
      <Card>
        {templates.length === 0 ? (
          <EmptyState icon={<ShieldCheck />} title="No policy templates yet">
            Create one with the policies your clients should share, then apply it to some or all of them.
          </EmptyState>
        ) : (
          <Table caption="Policy templates">
            <THead>
              <tr>
                <TH>Name</TH>
                <TH>Policies</TH>
                <TH>Changed</TH>
              </tr>
            </THead>
            <TBody>
              {templates.map((t) => (
                <TR key={t.id}>
                  <TD>
                    <Link href={`${base}/${t.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {t.name}
                    </Link>
                  </TD>
                  <TD>
                    <div className="flex flex-wrap gap-1">
                      {t.policies.length === 0 ? <span className="text-sm text-slate-500">None</span> : null}
                      {t.policies.map((p) => (
                        <Badge key={p.type} tone={p.enabled ? "success" : "neutral"}>
                          {POLICY_DEFINITIONS[p.type].label}: {p.enabled ? "on" : "off"}
                        </Badge>
                      ))}
                    </div>
                  </TD>
                  <TD>
                    <LocalTime iso={t.updatedAt.toISOString()} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
