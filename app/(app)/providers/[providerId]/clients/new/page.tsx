import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { NewClientWizard } from "@/components/clients/new-client-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { providerPage } from "@/lib/authz/page-guards";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  await providerPage(providerId, "provider.clients.create");
  const provider = await db.provider.findUniqueOrThrow({ where: { id: providerId }, select: { billingMode: true } });
  return (
    <div className="max-w-3xl">
      <PageHeader
        eyebrow={
          <Link href={`/providers/${providerId}`} className="inline-flex items-center gap-1 hover:text-slate-700">
            <ChevronLeft aria-hidden className="size-4" /> Clients
          </Link>
        }
        title="New client"
        description="Create an organization for a client. Your provider manages and bills it; the client's owner gets an invitation by email."
      />
      <NewClientWizard providerId={providerId} perClientBilling={provider.billingMode === "PER_CLIENT"} />
    </div>
  );
}
