"use client";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { X } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { EntityPicker, type PickerOption } from "@/components/ui/entity-picker";
import { Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError } from "@/lib/client/api";
import { AccessList, type AccessEntry } from "../access-list";
import { ROLE_LABEL, type OrgRole, type Permission } from "../labels";
import { searchCollections, searchMembers } from "../pickers";

interface GroupDetail {
  id: string;
  name: string;
  memberCount: number;
  members: { id: string; email: string; name: string | null; role: OrgRole }[];
  collections: { id: string; name: string; permission: Permission }[];
}

/** Creates a group (no `groupId`) or edits one: name, members, and the collections it may use. */
export function GroupDialog({ organizationId, groupId, trigger }: { organizationId: string; groupId?: string; trigger: ReactNode }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [name, setName] = useState("");
  const [members, setMembers] = useState<PickerOption[]>([]);
  const [initialMemberIds, setInitialMemberIds] = useState<string[]>([]);
  const [hiddenMembers, setHiddenMembers] = useState(0);
  const [collections, setCollections] = useState<AccessEntry[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const findMembers = useMemo(() => searchMembers(organizationId), [organizationId]);
  const findCollections = useMemo(() => searchCollections(organizationId), [organizationId]);
  const base = `/api/v1/organizations/${organizationId}/groups`;

  function start() {
    setError(undefined);
    setFields({});
    if (!groupId) {
      setName("");
      setMembers([]);
      setInitialMemberIds([]);
      setHiddenMembers(0);
      setCollections([]);
      return;
    }
    setLoading(true);
    api<GroupDetail>(`${base}/${groupId}`)
      .then((g) => {
        setName(g.name);
        const shown = g.members.map((m) => ({ id: m.id, label: m.name ?? m.email, description: `${m.name ? `${m.email} · ` : ""}${ROLE_LABEL[m.role]}` }));
        setMembers(shown);
        setInitialMemberIds(shown.map((m) => m.id));
        setHiddenMembers(g.memberCount - shown.length);
        setCollections(g.collections.map((c) => ({ id: c.id, kind: "collection" as const, label: c.name, permission: c.permission })));
      })
      .catch((e) => setError(e instanceof ApiError ? e.message : "Could not load the group."))
      .finally(() => setLoading(false));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setFields({});
    const memberIds = members.map((m) => m.id);
    const access = collections.map((c) => ({ collectionId: c.id, permission: c.permission }));
    const body = groupId
      ? {
          name,
          addMemberIds: memberIds.filter((id) => !initialMemberIds.includes(id)),
          removeMemberIds: initialMemberIds.filter((id) => !memberIds.includes(id)),
          collections: access,
        }
      : { name, memberIds, collections: access };
    try {
      await api(groupId ? `${base}/${groupId}` : base, { method: groupId ? "PATCH" : "POST", body });
      toast.success(groupId ? `Saved ${name.trim()}.` : `Created ${name.trim()}.`);
      setOpen(false);
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Something went wrong. Check your connection and try again.");
      if (e instanceof ApiError) setFields(e.fields ?? {});
    } finally {
      setPending(false);
    }
  }

  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) start();
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={groupId ? "Edit group" : "New group"} description="Give many members the same collection access at once." className="max-w-2xl">
        {loading ? (
          <Spinner label="Loading group" />
        ) : (
          <form onSubmit={submit} className="space-y-5" noValidate>
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <Field label="Name" error={fields.name}>
              {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />}
            </Field>
            <section aria-label="Members" className="space-y-2">
              <EntityPicker label="Add members" placeholder="Search members" search={findMembers} exclude={members.map((m) => m.id)} onPick={(o) => setMembers((list) => [...list, o])} />
              {members.length === 0 ? (
                <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-500">No members yet.</p>
              ) : (
                <ul className="max-h-56 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200">
                  {members.map((m) => (
                    <li key={m.id} className="flex items-center gap-3 px-3 py-2">
                      <div className="min-w-0 flex-1">
                        <div className="truncate text-sm font-medium text-slate-900">{m.label}</div>
                        {m.description ? <div className="truncate text-xs text-slate-500">{m.description}</div> : null}
                      </div>
                      <Button variant="ghost" size="sm" aria-label={`Remove ${m.label} from the group`} onClick={() => setMembers((list) => list.filter((x) => x.id !== m.id))}>
                        <X aria-hidden />
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
              {hiddenMembers > 0 ? <p className="text-xs text-slate-500">…and {hiddenMembers} more not shown. Adding and removing here leaves them unchanged.</p> : null}
            </section>
            <section aria-label="Collections" className="space-y-2">
              <EntityPicker
                label="Give access to a collection"
                placeholder="Search collections"
                search={findCollections}
                exclude={collections.map((c) => c.id)}
                onPick={(o) => setCollections((list) => [...list, { id: o.id, kind: "collection", label: o.label, description: o.description, permission: "VIEW" }])}
              />
              {fields.collections ? <p className="text-xs font-medium text-red-700">{fields.collections}</p> : null}
              <AccessList entries={collections} onChange={setCollections} empty="This group has no collection access yet." />
            </section>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? <Spinner label="Saving" /> : null}
                {groupId ? "Save group" : "Create group"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </DialogRoot>
  );
}
