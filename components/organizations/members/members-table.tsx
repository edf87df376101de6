"use client";
// The members list with selection, bulk actions and a menu per member. Buttons only offer what the
// rules allow (the server checks again): confirm accepted members, re-send to invited ones, and no
// owner actions for admins.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CheckCircle2, Mail, MoreHorizontal, RotateCcw, ShieldOff, Trash2, UserCog } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DialogContent, DialogRoot } from "@/components/ui/dialog";
import { MenuContent, MenuItem, MenuRoot, MenuSeparator, MenuTrigger } from "@/components/ui/dropdown";
import { Checkbox, Field, Select } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { api, errorMessage } from "@/lib/client/api";
import { ROLE_LABEL, ROLES, STATUS_LABEL, STATUS_TONE, type OrgMemberStatus, type OrgRole } from "../labels";

export interface MemberRowData {
  id: string;
  email: string;
  name: string | null;
  role: OrgRole;
  status: OrgMemberStatus;
  statusBeforeRevoke: OrgMemberStatus | null;
  twoFactorEnabled: boolean;
  invitationExpired: boolean;
  isSelf: boolean;
}

type Action = "confirm" | "reinvite" | "revoke" | "restore" | "remove";
type BulkResult = { results: { id: string; email: string | null; ok: boolean; error?: { message: string } }[] };

const DONE: Record<Action, string> = { confirm: "Confirmed", reinvite: "Invitation re-sent to", revoke: "Revoked", restore: "Restored", remove: "Removed" };

function allowed(action: Action, m: MemberRowData): boolean {
  if (action === "confirm") return m.status === "ACCEPTED";
  if (action === "reinvite") return m.status === "INVITED";
  if (action === "revoke") return m.status !== "REVOKED" && !m.isSelf;
  if (action === "restore") return m.status === "REVOKED";
  return !m.isSelf;
}

export function MembersTable({ organizationId, members, canManageOwners }: { organizationId: string; members: MemberRowData[]; canManageOwners: boolean }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<MemberRowData | null>(null);
  const manageable = (m: MemberRowData) => m.role !== "OWNER" || canManageOwners;
  const selectable = members.filter(manageable);
  const chosen = members.filter((m) => selected.has(m.id));
  const base = `/api/v1/organizations/${organizationId}/members`;

  async function bulk(action: Action) {
    const ids = chosen.filter((m) => allowed(action, m)).map((m) => m.id);
    if (ids.length === 0) return;
    setBusy(true);
    try {
      const res = await api<BulkResult>(action === "remove" ? base : `${base}/${action}`, { method: action === "remove" ? "DELETE" : "POST", body: { ids } });
      const ok = res.results.filter((r) => r.ok);
      const failed = res.results.filter((r) => !r.ok);
      if (ok.length) toast.success(`${DONE[action]} ${ok.length} member${ok.length === 1 ? "" : "s"}.`);
      for (const f of failed.slice(0, 3)) toast.error(f.error?.message ?? `${f.email ?? f.id}: refused.`);
      setSelected(new Set());
      router.refresh();
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function single(action: Action, m: MemberRowData) {
    await api(action === "remove" ? `${base}/${m.id}` : `${base}/${m.id}/${action}`, { method: action === "remove" ? "DELETE" : "POST" });
    toast.success(`${DONE[action]} ${m.email}.`);
    router.refresh();
  }

  async function run(action: Action, m: MemberRowData) {
    try {
      await single(action, m);
    } catch (e) {
      toast.error(errorMessage(e));
    }
  }

  const count = (action: Action) => chosen.filter((m) => allowed(action, m)).length;
  const allChecked = selectable.length > 0 && selectable.every((m) => selected.has(m.id));

  return (
    <>
      {chosen.length > 0 ? (
        <div role="region" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-brand-50/60 px-4 py-2 text-sm">
          <span className="mr-2 font-medium text-slate-800">{chosen.length} selected</span>
          {busy ? <Spinner label="Working" /> : null}
          <Button size="sm" variant="secondary" disabled={busy || !count("confirm")} onClick={() => bulk("confirm")}>
            <CheckCircle2 aria-hidden /> Confirm ({count("confirm")})
          </Button>
          <Button size="sm" variant="secondary" disabled={busy || !count("reinvite")} onClick={() => bulk("reinvite")}>
            <Mail aria-hidden /> Re-send invitation ({count("reinvite")})
          </Button>
          <Button size="sm" variant="secondary" disabled={busy || !count("restore")} onClick={() => bulk("restore")}>
            <RotateCcw aria-hidden /> Restore ({count("restore")})
          </Button>
          <ConfirmDialog
            trigger={
              <Button size="sm" variant="secondary" disabled={busy || !count("revoke")}>
                <ShieldOff aria-hidden /> Revoke ({count("revoke")})
              </Button>
            }
            title={`Revoke ${count("revoke")} member${count("revoke") === 1 ? "" : "s"}?`}
            description="They lose access at once and free their seats. You can restore them later."
            confirmLabel="Revoke access"
            onConfirm={() => bulk("revoke")}
          />
          <ConfirmDialog
            trigger={
              <Button size="sm" variant="danger-ghost" disabled={busy || !count("remove")}>
                <Trash2 aria-hidden /> Remove ({count("remove")})
              </Button>
            }
            title={`Remove ${count("remove")} member${count("remove") === 1 ? "" : "s"}?`}
            description="They leave the organization with their group memberships and collection access. To bring them back, invite them again."
            confirmLabel="Remove members"
            onConfirm={() => bulk("remove")}
          />
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        </div>
      ) : null}
      <Table caption="Organization members">
        <THead>
          <tr>
            <TH className="w-10">
              <Checkbox
                aria-label="Select all members on this page"
                checked={allChecked}
                onChange={(e) => setSelected(e.target.checked ? new Set(selectable.map((m) => m.id)) : new Set())}
              />
            </TH>
            <TH>Member</TH>
            <TH>Role</TH>
            <TH>Status</TH>
            <TH>Two-step login</TH>
            <TH className="text-right">
              <span className="sr-only">Actions</span>
            </TH>
          </tr>
        </THead>
        <TBody>
          {members.map((m) => (
            <TR key={m.id}>
              <TD>
                {manageable(m) ? (
                  <Checkbox
                    aria-label={`Select ${m.email}`}
                    checked={selected.has(m.id)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(m.id);
                      else next.delete(m.id);
                      setSelected(next);
                    }}
                  />
                ) : null}
              </TD>
              <TD>
                <div className="font-medium text-slate-900">
                  {m.name ?? m.email}
                  {m.isSelf ? <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span> : null}
                </div>
                {m.name ? <div className="text-xs text-slate-500">{m.email}</div> : null}
              </TD>
              <TD>{ROLE_LABEL[m.role]}</TD>
              <TD>
                <Badge tone={STATUS_TONE[m.status]}>{STATUS_LABEL[m.status]}</Badge>
                {m.invitationExpired ? <span className="ml-1.5 text-xs text-amber-700">link expired</span> : null}
              </TD>
              <TD>{m.status === "INVITED" ? <span className="text-slate-400">—</span> : m.twoFactorEnabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}</TD>
              <TD className="text-right">
                {manageable(m) ? (
                  <MemberMenu member={m} onAction={run} perform={single} onEditRole={() => setEditing(m)} />
                ) : (
                  <span className="text-xs text-slate-500">Managed by owners</span>
                )}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {editing ? (
        <RoleDialog
          member={editing}
          canManageOwners={canManageOwners}
          onClose={() => setEditing(null)}
          onSave={async (role) => {
            await api(`${base}/${editing.id}`, { method: "PATCH", body: { role } });
            toast.success(`${editing.email} is now ${ROLE_LABEL[role]}.`);
            setEditing(null);
            router.refresh();
          }}
        />
      ) : null}
    </>
  );
}

function MemberMenu({
  member,
  onAction,
  perform,
  onEditRole,
}: {
  member: MemberRowData;
  /** Runs an action and reports the outcome in a toast. */
  onAction: (a: Action, m: MemberRowData) => void;
  /** Runs an action and throws when it is refused (for the confirmation dialog to show). */
  perform: (a: Action, m: MemberRowData) => Promise<void>;
  onEditRole: () => void;
}) {
  const [confirming, setConfirming] = useState<"revoke" | "remove" | null>(null);
  return (
    <>
      <MenuRoot>
        <MenuTrigger asChild>
          <Button variant="ghost" size="sm" aria-label={`Actions for ${member.email}`}>
            <MoreHorizontal aria-hidden />
          </Button>
        </MenuTrigger>
        <MenuContent>
          <MenuItem onSelect={onEditRole}>
            <UserCog aria-hidden /> Change role
          </MenuItem>
          {allowed("confirm", member) ? (
            <MenuItem onSelect={() => onAction("confirm", member)}>
              <CheckCircle2 aria-hidden /> Confirm
            </MenuItem>
          ) : null}
          {allowed("reinvite", member) ? (
            <MenuItem onSelect={() => onAction("reinvite", member)}>
              <Mail aria-hidden /> Re-send invitation
            </MenuItem>
          ) : null}
          {allowed("restore", member) ? (
            <MenuItem onSelect={() => onAction("restore", member)}>
              <RotateCcw aria-hidden /> Restore access
            </MenuItem>
          ) : null}
          {allowed("revoke", member) ? (
            <MenuItem onSelect={() => setConfirming("revoke")}>
              <ShieldOff aria-hidden /> Revoke access
            </MenuItem>
          ) : null}
          {allowed("remove", member) ? (
            <>
              <MenuSeparator />
              <MenuItem onSelect={() => setConfirming("remove")} className="text-red-700">
                <Trash2 aria-hidden /> Remove
              </MenuItem>
            </>
          ) : null}
        </MenuContent>
      </MenuRoot>
      {confirming ? (
        <ConfirmAction
          title={confirming === "revoke" ? `Revoke ${member.email}?` : `Remove ${member.email}?`}
          description={
            confirming === "revoke"
              ? "They lose access at once and free their seat. You can restore them later."
              : "They leave the organization with their group memberships and collection access."
          }
          confirmLabel={confirming === "revoke" ? "Revoke access" : "Remove member"}
          onClose={() => setConfirming(null)}
          onConfirm={() => perform(confirming, member)}
        />
      ) : null}
    </>
  );
}

function ConfirmAction({ title, description, confirmLabel, onClose, onConfirm }: { title: string; description: string; confirmLabel: string; onClose: () => void; onConfirm: () => Promise<void> }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <DialogRoot open onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent title={title} description={description}>
        {error ? <p className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800" role="alert">{error}</p> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={async () => {
              setPending(true);
              setError(undefined);
              try {
                await onConfirm();
                onClose();
              } catch (e) {
                setError(errorMessage(e));
              } finally {
                setPending(false);
              }
            }}
          >
            {pending ? <Spinner label="Working" /> : null}
            {confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}

function RoleDialog({ member, canManageOwners, onClose, onSave }: { member: MemberRowData; canManageOwners: boolean; onClose: () => void; onSave: (role: OrgRole) => Promise<void> }) {
  const [role, setRole] = useState<OrgRole>(member.role);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <DialogRoot open onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent title={`Change role of ${member.name ?? member.email}`}>
        <form
          className="space-y-4"
          onSubmit={async (e) => {
            e.preventDefault();
            setPending(true);
            setError(undefined);
            try {
              await onSave(role);
            } catch (err) {
              setError(errorMessage(err));
              setPending(false);
            }
          }}
        >
          {error ? <p className="rounded-md bg-red-50 p-3 text-sm text-red-800" role="alert">{error}</p> : null}
          <Field label="Role" hint="Owners manage everything, including other owners. Admins manage members, groups, collections and policies. Users use the vault.">
            {(p) => (
              <Select {...p} value={role} onChange={(e) => setRole(e.target.value as OrgRole)}>
                {ROLES.filter((r) => r !== "OWNER" || canManageOwners).map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending || role === member.role}>
              {pending ? <Spinner label="Saving" /> : null}
              Save role
            </Button>
          </div>
        </form>
      </DialogContent>
    </DialogRoot>
  );
}
