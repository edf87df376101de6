import type { Metadata } from "next";
import { PriceForm } from "@/components/billing/price-form";
import { RunBillingForm } from "@/components/billing/run-billing-form";
import { TiersEditor } from "@/components/billing/tiers-editor";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { staffPage } from "@/lib/authz/page-guards";
import { formatCents } from "@/lib/billing/money";
import { lastClosedPeriod, parsePeriod, periodOf, shiftPeriod } from "@/lib/billing/period";
import { PLAN_LABELS } from "@/lib/billing/plans";
import { priceHistory, pricesAt } from "@/lib/services/billing/prices";
import { listTiers } from "@/lib/services/billing/tiers";

export const metadata: Metadata = { title: "Pricing and tiers" };

export default async function PricingPage() {
  await staffPage("platform.pricing.manage");
  const now = new Date();
  const [history, current, tiers] = await Promise.all([priceHistory(), pricesAt(now), listTiers()]);
  const currentKeys = new Set([...current.values()].map((p) => `${p.plan}|${p.effectiveFrom}`));
  const nextMonth = parsePeriod(shiftPeriod(periodOf(now), 1)).start.toISOString().slice(0, 10);
  return (
    <>
      <PageHeader title="Pricing and tiers" description="Seat prices take effect from the 1st of a month; issued invoices keep the prices they were issued with." />
      <Card className="mb-6">
        <CardHeader title="Seat prices" description="Per seat per month, in USD." />
        <Table caption="Seat prices">
          <THead>
            <tr>
              <TH>Plan</TH>
              <TH>Effective from</TH>
              <TH className="text-right">Price</TH>
              <TH>
                <span className="sr-only">Status</span>
              </TH>
            </tr>
          </THead>
          <TBody>
            {history.map((price) => {
              const key = `${price.plan}|${price.effectiveFrom}`;
              const upcoming = price.effectiveFrom > now.toISOString().slice(0, 10);
              return (
                <TR key={key}>
                  <TD className="font-medium text-slate-900">{PLAN_LABELS[price.plan]}</TD>
                  <TD className="tabular">{price.effectiveFrom}</TD>
                  <TD className="tabular text-right">{formatCents(price.unitPriceCents)}</TD>
                  <TD>{currentKeys.has(key) ? <Badge tone="success">current</Badge> : upcoming ? <Badge tone="info">scheduled</Badge> : <Badge>past</Badge>}</TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
        <CardBody className="border-t border-slate-200">
          <PriceForm defaultEffectiveFrom={nextMonth} />
        </CardBody>
      </Card>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Reseller discount tiers" description="By a provider's seats under management across its Teams and Enterprise organizations." />
          <CardBody>
            <TiersEditor tiers={tiers.map((t) => ({ minSeats: t.minSeats, discountPercent: t.discountBasisPoints / 100 }))} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Billing run" description="Invoices are issued automatically early each month. Issuing a month again creates nothing new." />
          <CardBody>
            <RunBillingForm defaultPeriod={lastClosedPeriod(now)} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
