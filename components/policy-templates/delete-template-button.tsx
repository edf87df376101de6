"use client";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { api } from "@/lib/client/api";

export function DeleteTemplateButton({ providerId, templateId, name }: { providerId: string; templateId: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger-ghost">
          <Trash2 aria-hidden /> Delete
        </Button>
      }
      title={`Delete the template “${name}”?`}
      description="Clients keep the policies they have: a template only sets them when it is applied."
      confirmLabel="Delete template"
      onConfirm={async () => {
        await api(`/api/v1/providers/${providerId}/policy-templates/${templateId}`, { method: "DELETE" });
        toast.success(`Deleted ${name}.`);
        router.push(`/providers/${providerId}/policy-templates`);
        router.refresh();
      }}
    />
  );
}
