"use client";
// The provider's API keys: what each is called and acts as, who made it, when it was last used,
// whether it works (and why not), and revoke with a confirmation.
import { Ban } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { api } from "@/lib/client/api";
import type { ApiKeyView } from "@/lib/services/api-keys/views";
import { API_KEY_ROLE_LABEL, ApiKeyStatusBadge } from "./labels";

export function ApiKeyTable({ providerId, keys }: { providerId: string; keys: ApiKeyView[] }) {
  const router = useRouter();
  return (
    <Table caption="API keys">
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Acts as</TH>
          <TH>Status</TH>
          <TH>Created</TH>
          <TH>Last used</TH>
          <TH className="text-right">Actions</TH>
        </tr>
      </THead>
      <TBody>
        {keys.map((key) => (
          <TR key={key.id} className={key.status === "revoked" ? "text-slate-500" : undefined}>
            <TD>
              <div className="font-medium break-all text-slate-900">{key.name}</div>
              <code className="text-xs text-slate-500">{key.prefix}…</code>
            </TD>
            <TD>{API_KEY_ROLE_LABEL[key.role]}</TD>
            <TD>
              <ApiKeyStatusBadge status={key.status} />
              {key.statusReason && key.status !== "revoked" ? <p className="mt-1 max-w-72 text-xs text-slate-600">{key.statusReason}</p> : null}
              {key.revokedAt ? (
                <p className="mt-1 text-xs text-slate-500">
                  <LocalTime iso={key.revokedAt} />
                </p>
              ) : null}
            </TD>
            <TD>
              <LocalTime iso={key.createdAt} dateOnly />
              <div className="text-xs text-slate-500">by {key.createdBy?.name ?? "a deleted account"}</div>
            </TD>
            <TD>{key.lastUsedAt ? <LocalTime iso={key.lastUsedAt} /> : <span className="text-slate-500">Never</span>}</TD>
            <TD className="text-right">
              {key.status === "revoked" ? null : (
                <ConfirmDialog
                  trigger={
                    <Button size="sm" variant="danger-ghost" aria-label={`Revoke ${key.name}`}>
                      <Ban aria-hidden /> Revoke
                    </Button>
                  }
                  title={`Revoke “${key.name}”?`}
                  confirmLabel="Revoke key"
                  onConfirm={async () => {
                    await api(`/api/v1/providers/${providerId}/api-keys/${key.id}`, { method: "DELETE" });
                    toast.success(`Revoked “${key.name}”.`);
                    router.refresh();
                  }}
                >
                  <p>
                    Every request made with <code>{key.prefix}…</code> is refused from now on. Tools that use it stop working until you give them a
                    new key. This cannot be undone.
                  </p>
                </ConfirmDialog>
              )}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
