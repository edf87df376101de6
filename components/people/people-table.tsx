"use client";
// The provider's members with per-row actions (role, confirm, re-invite, remove) and bulk actions on
// the selected rows. Bulk buttons only send the rows they apply to (confirm → accepted members,
// re-invite → invited ones), so one stray selection never blocks the rest.
import { Check, RotateCw, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Checkbox, Select } from "@/components/ui/form";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { api } from "@/lib/client/api";
import { useApiAction } from "@/lib/client/use-api-action";
import type { ProviderUserView } from "@/lib/services/provider-users/memberships";
import { ClientAccessDialog } from "./client-access-dialog";
import { MemberStatusBadge, PROVIDER_ROLE_LABEL } from "./member-badges";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function PeopleTable({ providerId, members, currentMembershipId }: { providerId: string; members: ProviderUserView[]; currentMembershipId: string | null }) {
  const router = useRouter();
  const { pending, run } = useApiAction();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const base = `/api/v1/providers/${providerId}/users`;

  const visible = new Set(members.map((m) => m.id));
  const chosen = members.filter((m) => selected.has(m.id) && visible.has(m.id));
  const toConfirm = chosen.filter((m) => m.status === "ACCEPTED");
  const toReinvite = chosen.filter((m) => m.status === "INVITED");
  const selectable = members.filter((m) => m.id !== currentMembershipId);
  const allSelected = selectable.length > 0 && selectable.every((m) => selected.has(m.id));

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const clear = () => setSelected(new Set());

  return (
    <>
      <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50/60 px-4 py-2 text-sm">
        <span className="mr-2 text-slate-600" aria-live="polite">
          {chosen.length ? `${chosen.length} selected` : "Select people for bulk actions"}
        </span>
        <Button
          size="sm"
          variant="secondary"
          disabled={pending || toConfirm.length === 0}
          onClick={() =>
            run(() => api(`${base}/confirm`, { body: { ids: toConfirm.map((m) => m.id) } }), { success: `Confirmed ${plural(toConfirm.length, "member")}.` }).then(
              (r) => r && clear(),
            )
          }
        >
          <Check aria-hidden /> Confirm{toConfirm.length ? ` (${toConfirm.length})` : ""}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={pending || toReinvite.length === 0}
          onClick={() =>
            run(() => api(`${base}/reinvite`, { body: { ids: toReinvite.map((m) => m.id) } }), { success: `Sent ${plural(toReinvite.length, "new invitation")}.` }).then(
              (r) => r && clear(),
            )
          }
        >
          <RotateCw aria-hidden /> Re-invite{toReinvite.length ? ` (${toReinvite.length})` : ""}
        </Button>
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="danger-ghost" disabled={pending || chosen.length === 0}>
              <Trash2 aria-hidden /> Remove{chosen.length ? ` (${chosen.length})` : ""}
            </Button>
          }
          title={`Remove ${plural(chosen.length, "person")}?`}
          confirmLabel="Remove"
          onConfirm={async () => {
            await api(base, { method: "DELETE", body: { ids: chosen.map((m) => m.id) } });
            toast.success(`Removed ${plural(chosen.length, "person")}.`);
            clear();
            router.refresh();
          }}
        >
          <p>They lose access to this provider and its clients on their next click. Pending invitations stop working.</p>
          <ul className="mt-2 list-disc pl-5">
            {chosen.slice(0, 8).map((m) => (
              <li key={m.id} className="break-all">
                {m.email}
              </li>
            ))}
            {chosen.length > 8 ? <li>and {chosen.length - 8} more</li> : null}
          </ul>
        </ConfirmDialog>
      </div>
      <Table caption="Provider members">
        <THead>
          <tr>
            <TH className="w-10">
              <Checkbox aria-label="Select everyone on this page" checked={allSelected} onChange={(e) => setSelected(e.target.checked ? new Set(selectable.map((m) => m.id)) : new Set())} />
            </TH>
            <TH>Member</TH>
            <TH>Role</TH>
            <TH>Status</TH>
            <TH>Client access</TH>
            <TH>Two-step login</TH>
            <TH>Invited</TH>
            <TH className="text-right">Actions</TH>
          </tr>
        </THead>
        <TBody>
          {members.map((m) => {
            const self = m.id === currentMembershipId;
            const label = m.name ?? m.email;
            return (
              <TR key={m.id}>
                <TD>
                  <Checkbox
                    aria-label={`Select ${label}`}
                    checked={selected.has(m.id)}
                    disabled={self}
                    title={self ? "You cannot remove yourself" : undefined}
                    onChange={(e) => toggle(m.id, e.target.checked)}
                  />
                </TD>
                <TD>
                  <div className="font-medium break-all text-slate-900">
                    {m.name ?? m.email}
                    {self ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
                  </div>
                  <div className="text-xs break-all text-slate-500">{m.name ? m.email : "No account yet"}</div>
                </TD>
                <TD>
                  <Select
                    aria-label={`Role of ${label}`}
                    value={m.role}
                    disabled={pending}
                    className="w-44"
                    onChange={(e) => {
                      const role = e.target.value as ProviderUserView["role"];
                      void run(() => api(`${base}/${m.id}`, { method: "PATCH", body: { role } }), { success: `${label} is now a ${PROVIDER_ROLE_LABEL[role]}.` });
                    }}
                  >
                    <option value="PROVIDER_ADMIN">{PROVIDER_ROLE_LABEL.PROVIDER_ADMIN}</option>
                    <option value="SERVICE_USER">{PROVIDER_ROLE_LABEL.SERVICE_USER}</option>
                  </Select>
                </TD>
                <TD>
                  <MemberStatusBadge status={m.status} />
                  {m.inviteExpiresAt ? (
                    <div className="mt-1 text-xs text-slate-500">
                      {new Date(m.inviteExpiresAt) < new Date() ? "Link expired " : "Link expires "}
                      <LocalTime iso={m.inviteExpiresAt} dateOnly />
                    </div>
                  ) : null}
                </TD>
                <TD>
                  {m.role === "SERVICE_USER" ? (
                    <ClientAccessDialog providerId={providerId} member={{ id: m.id, label, clientAccess: m.clientAccess }} />
                  ) : (
                    <span className="text-sm text-slate-700" title="Provider Admins always reach every client">
                      All clients
                    </span>
                  )}
                </TD>
                <TD>
                  {m.userId === null ? (
                    <span className="text-slate-500" title="No account yet">
                      —<span className="sr-only">No account yet</span>
                    </span>
                  ) : m.twoFactorEnabled ? (
                    <Badge tone="success">On</Badge>
                  ) : (
                    <Badge tone="warning">Off</Badge>
                  )}
                </TD>
                <TD>
                  <LocalTime iso={m.invitedAt} dateOnly />
                </TD>
                <TD>
                  <div className="flex justify-end gap-1">
                    {m.status === "ACCEPTED" ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-label={`Confirm ${label}`}
                        disabled={pending}
                        onClick={() => run(() => api(`${base}/${m.id}/confirm`, { method: "POST" }), { success: `${label} is confirmed.` })}
                      >
                        <Check aria-hidden /> Confirm
                      </Button>
                    ) : null}
                    {m.status === "INVITED" ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Re-invite ${label}`}
                        disabled={pending}
                        onClick={() => run(() => api(`${base}/${m.id}/reinvite`, { method: "POST" }), { success: `A new invitation was sent to ${m.email}.` })}
                      >
                        <RotateCw aria-hidden /> Re-invite
                      </Button>
                    ) : null}
                    {self ? null : (
                      <ConfirmDialog
                        trigger={
                          <Button size="sm" variant="danger-ghost" aria-label={`Remove ${label}`} disabled={pending}>
                            <Trash2 aria-hidden />
                          </Button>
                        }
                        title={`Remove ${label}?`}
                        confirmLabel="Remove"
                        onConfirm={async () => {
                          await api(`${base}/${m.id}`, { method: "DELETE" });
                          toast.success(`${label} was removed.`);
                          toggle(m.id, false);
                          router.refresh();
                        }}
                      >
                        {m.status === "INVITED"
                          ? "Their invitation link stops working."
                          : "They lose access to this provider and every client it manages on their next click. You can invite them again later."}
                      </ConfirmDialog>
                    )}
                  </div>
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
    </>
  );
}
