"use client";
// Who may use a collection (members and groups), or which collections a group may use, each with a
// permission. Used inside the collection and group dialogs.
import { X } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/form";
import { PERMISSION_LABEL, PERMISSIONS, type Permission } from "./labels";

export interface AccessEntry {
  id: string;
  kind: "member" | "group" | "collection";
  label: string;
  description?: string;
  permission: Permission;
}

export function AccessList({ entries, onChange, empty }: { entries: AccessEntry[]; onChange: (entries: AccessEntry[]) => void; empty: string }) {
  if (entries.length === 0) return <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
      {entries.map((entry) => (
        <li key={`${entry.kind}:${entry.id}`} className="flex flex-wrap items-center gap-3 px-3 py-2">
          <div className="min-w-0 flex-1">
            <div className="truncate text-sm font-medium text-slate-900">
              {entry.label} {entry.kind === "group" ? <Badge className="ml-1">Group</Badge> : null}
            </div>
            {entry.description ? <div className="truncate text-xs text-slate-500">{entry.description}</div> : null}
          </div>
          <Select
            aria-label={`Permission for ${entry.label}`}
            className="w-56"
            value={entry.permission}
            onChange={(e) => onChange(entries.map((x) => (x === entry ? { ...x, permission: e.target.value as Permission } : x)))}
          >
            {PERMISSIONS.map((p) => (
              <option key={p} value={p}>
                {PERMISSION_LABEL[p]}
              </option>
            ))}
          </Select>
          <Button variant="ghost" size="sm" aria-label={`Remove ${entry.label}`} onClick={() => onChange(entries.filter((x) => x !== entry))}>
            <X aria-hidden />
          </Button>
        </li>
      ))}
    </ul>
  );
}
