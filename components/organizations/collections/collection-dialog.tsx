"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { EntityPicker } from "@/components/ui/entity-picker";
import { Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError } from "@/lib/client/api";
import { AccessList, type AccessEntry } from "../access-list";
import { ROLE_LABEL, type OrgRole, type Permission } from "../labels";
import { searchGroups, searchMembers } from "../pickers";

interface CollectionDetail {
  id: string;
  name: string;
  isDefault: boolean;
  members: { memberId: string; email: string; name: string | null; role: OrgRole; permission: Permission }[];
  groups: { groupId: string; name: string; permission: Permission }[];
}

/** Creates a collection (no `collectionId`) or edits one: its name and who may use it. */
export function CollectionDialog({ organizationId, collectionId, trigger }: { organizationId: string; collectionId?: string; trigger: ReactNode }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [name, setName] = useState("");
  const [access, setAccess] = useState<AccessEntry[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const members = useMemo(() => searchMembers(organizationId), [organizationId]);
  const groups = useMemo(() => searchGroups(organizationId), [organizationId]);
  const base = `/api/v1/organizations/${organizationId}/collections`;

  function start() {
    setError(undefined);
    setFields({});
    if (!collectionId) {
      setName("");
      setAccess([]);
      return;
    }
    setLoading(true);
    api<CollectionDetail>(`${base}/${collectionId}`)
      .then((c) => {
        setName(c.name);
        setAccess([
          ...c.groups.map((g) => ({ id: g.groupId, kind: "group" as const, label: g.name, permission: g.permission })),
          ...c.members.map((m) => ({ id: m.memberId, kind: "member" as const, label: m.name ?? m.email, description: `${m.name ? `${m.email} · ` : ""}${ROLE_LABEL[m.role]}`, permission: m.permission })),
        ]);
      })
      .catch((e) => setError(e instanceof ApiError ? e.message : "Could not load the collection."))
      .finally(() => setLoading(false));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setFields({});
    const body = {
      name,
      members: access.filter((a) => a.kind === "member").map((a) => ({ memberId: a.id, permission: a.permission })),
      groups: access.filter((a) => a.kind === "group").map((a) => ({ groupId: a.id, permission: a.permission })),
    };
    try {
      await api(collectionId ? `${base}/${collectionId}` : base, { method: collectionId ? "PATCH" : "POST", body });
      toast.success(collectionId ? `Saved ${name.trim()}.` : `Created ${name.trim()}.`);
      setOpen(false);
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Something went wrong. Check your connection and try again.");
      if (e instanceof ApiError) setFields(e.fields ?? {});
    } finally {
      setPending(false);
    }
  }

  const add = (kind: "member" | "group") => (o: { id: string; label: string; description?: string }) =>
    setAccess((list) => [...list, { id: o.id, kind, label: o.label, description: o.description, permission: "VIEW" }]);

  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) start();
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={collectionId ? "Edit collection" : "New collection"} description="Members and groups listed here can use the collection's items with the permission shown. Owners and admins can use every collection." className="max-w-2xl">
        {loading ? (
          <Spinner label="Loading collection" />
        ) : (
          <form onSubmit={submit} className="space-y-4" noValidate>
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <Field label="Name" hint='Use "/" to nest, e.g. "Finance/Banking".' error={fields.name}>
              {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />}
            </Field>
            <div className="grid gap-3 sm:grid-cols-2">
              <EntityPicker label="Add a member" placeholder="Search members" search={members} exclude={access.filter((a) => a.kind === "member").map((a) => a.id)} onPick={add("member")} />
              <EntityPicker label="Add a group" placeholder="Search groups" search={groups} exclude={access.filter((a) => a.kind === "group").map((a) => a.id)} onPick={add("group")} />
            </div>
            <div>
              <h3 className="mb-2 text-sm font-medium text-slate-800">Access</h3>
              {fields.members || fields.groups ? <p className="mb-2 text-xs font-medium text-red-700">{fields.members ?? fields.groups}</p> : null}
              <AccessList entries={access} onChange={setAccess} empty="Only owners and admins can use this collection." />
            </div>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? <Spinner label="Saving" /> : null}
                {collectionId ? "Save collection" : "Create collection"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </DialogRoot>
  );
}
