"use client";
import { useRouter } from "next/navigation";
import { Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { api } from "@/lib/client/api";

/** Adds one of the admin's own organizations as a client, after saying what that changes. */
export function AddExistingButton({ providerId, providerName, organization }: { providerId: string; providerName: string; organization: { id: string; name: string } }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="secondary">
          <Upload aria-hidden /> Add as client<span className="sr-only"> {organization.name}</span>
        </Button>
      }
      title={`Add ${organization.name} as a client?`}
      confirmLabel="Add as client"
      variant="primary"
      onConfirm={async () => {
        await api(`/api/v1/providers/${providerId}/clients/existing`, { body: { organizationId: organization.id } });
        toast.success(`${organization.name} is now a client of ${providerName}.`);
        router.push(`/providers/${providerId}/clients/${organization.id}`);
        router.refresh();
      }}
    >
      <ul className="list-disc space-y-1 pl-5">
        <li>{providerName} manages and bills it from now on; its seats count towards your provider&apos;s totals.</li>
        <li>Every Provider Admin and Service User of {providerName} can administer it — members, groups, collections, policies — but never read its credentials.</li>
        <li>Its members, vault data and settings stay as they are. A Provider Admin can remove it again later; it then pays its own bills.</li>
      </ul>
    </ConfirmDialog>
  );
}
