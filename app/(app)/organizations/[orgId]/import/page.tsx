import type { Metadata } from "next";
import { ImportWizard } from "@/components/organizations/import/import-wizard";
import { Card, CardHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { organizationPage } from "@/lib/authz/page-guards";
import { recentImports } from "@/lib/services/vault/import-vault-items";
import { vaultSummary } from "@/lib/services/vault/vault-items";
import { MAX_IMPORT_BYTES } from "@/lib/vault/import/parse";

export const metadata: Metadata = { title: "Import" };

const FORMAT = { "bitwarden-json": "Bitwarden JSON", "bitwarden-csv": "Bitwarden CSV" } as Record<string, string>;

export default async function ImportPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { access } = await organizationPage(orgId, "org.import");
  const [summary, imports] = await Promise.all([vaultSummary(orgId), recentImports(orgId)]);
  return (
    <>
      <PageHeader
        title="Import"
        description={`Move a client's vault into this organization. It holds ${summary.total.toLocaleString("en-US")} item${summary.total === 1 ? "" : "s"} now. Secrets are encrypted as they are saved${
          access.provider ? "; as a provider member you see only counts, never the credentials." : "."
        }`}
      />
      <div className="space-y-6">
        <ImportWizard organizationId={orgId} maxMegabytes={MAX_IMPORT_BYTES / (1024 * 1024)} />
        {imports.length ? (
          <Card>
            <CardHeader title="Recent imports" />
            <Table caption="Recent imports">
              <THead>
                <tr>
                  <TH>When</TH>
                  <TH>Format</TH>
                  <TH className="text-right">Items</TH>
                  <TH>By</TH>
                </tr>
              </THead>
              <TBody>
                {imports.map((job) => (
                  <TR key={job.id}>
                    <TD>
                      <LocalTime iso={job.createdAt.toISOString()} />
                    </TD>
                    <TD>{FORMAT[job.format] ?? job.format}</TD>
                    <TD className="tabular text-right">{job.importedItems.toLocaleString("en-US")}</TD>
                    <TD>{job.createdBy ?? "—"}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </Card>
        ) : null}
      </div>
    </>
  );
}
