"use client";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { api } from "@/lib/client/api";

/** A delete button that asks first, names the consequences, and refreshes the list afterwards. */
export function DeleteButton({ url, name, title, description, confirmLabel }: { url: string; name: string; title: string; description: string; confirmLabel: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger-ghost" size="sm" aria-label={`Delete ${name}`}>
          <Trash2 aria-hidden />
        </Button>
      }
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      onConfirm={async () => {
        await api(url, { method: "DELETE" });
        toast.success(`Deleted ${name}.`);
        router.refresh();
      }}
    />
  );
}
