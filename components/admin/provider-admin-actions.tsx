"use client";
// Staff actions on one provider: re-issue its setup link, disable or enable it. Each names its
// consequences before it runs.
import { Ban, CheckCircle2, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, Input } from "@/components/ui/form";
import { toast } from "@/components/ui/toaster";
import { api } from "@/lib/client/api";

export function ReissueSetupLinkButton({ providerId, email }: { providerId: string; email: string }) {
  const router = useRouter();
  const [to, setTo] = useState(email);
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm">
          <Send aria-hidden /> Re-issue setup link
        </Button>
      }
      title="Re-issue the setup link"
      description="A new link is emailed now. The previous link stops working at once."
      confirmLabel="Send new link"
      variant="primary"
      onConfirm={async () => {
        const result = await api<{ setupInvitation: { email: string; mailed: boolean } }>(`/api/v1/admin/providers/${providerId}/setup-invitation`, {
          body: { ownerEmail: to },
        });
        if (result.setupInvitation.mailed) toast.success(`A new setup link was sent to ${result.setupInvitation.email}.`);
        else toast.warning("The link was re-issued, but the mail could not be sent. Try again in a moment.");
        router.refresh();
      }}
    >
      <Field label="Send to" hint="Correct the address here if the first one was wrong.">
        {(p) => <Input {...p} type="email" value={to} onChange={(e) => setTo(e.target.value)} />}
      </Field>
    </ConfirmDialog>
  );
}

export function ProviderEnabledToggle({
  providerId,
  providerName,
  enabled,
  memberCount,
  clientCount,
}: {
  providerId: string;
  providerName: string;
  enabled: boolean;
  memberCount: number;
  clientCount: number;
}) {
  const router = useRouter();
  const run = async () => {
    const result = await api<{ organizationsChanged: number }>(`/api/v1/admin/providers/${providerId}/${enabled ? "disable" : "enable"}`, { method: "POST" });
    const clients = `${result.organizationsChanged} client organization${result.organizationsChanged === 1 ? "" : "s"}`;
    toast.success(enabled ? `${providerName} is disabled; ${clients} disabled with it.` : `${providerName} is enabled again; ${clients} restored.`);
    router.refresh();
  };
  if (enabled) {
    return (
      <ConfirmDialog
        trigger={
          <Button variant="danger" size="sm">
            <Ban aria-hidden /> Disable provider
          </Button>
        }
        title={`Disable ${providerName}?`}
        confirmLabel="Disable provider"
        onConfirm={run}
      >
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Its {memberCount} member{memberCount === 1 ? "" : "s"} lose access to the provider on their next click, in the browser and the API.
          </li>
          <li>
            Its {clientCount} client organization{clientCount === 1 ? "" : "s"} are disabled with it: their own members cannot use them either.
          </li>
          <li>Nothing is deleted. Enabling the provider again restores it and exactly the clients disabled here.</li>
        </ul>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm">
          <CheckCircle2 aria-hidden /> Enable provider
        </Button>
      }
      title={`Enable ${providerName}?`}
      confirmLabel="Enable provider"
      variant="primary"
      onConfirm={run}
    >
      Its members get their access back, and the client organizations that were disabled together with the provider are enabled again. Clients that were
      disabled for other reasons stay disabled.
    </ConfirmDialog>
  );
}
