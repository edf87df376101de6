// Server-side searches behind the member, group and collection pickers.
import type { PickerOption } from "@/components/ui/entity-picker";
import { api } from "@/lib/client/api";
import { ROLE_LABEL, STATUS_LABEL, type OrgMemberStatus, type OrgRole } from "./labels";

const query = (q: string) => new URLSearchParams({ limit: "10", ...(q ? { q } : {}) }).toString();

export function searchMembers(organizationId: string) {
  return async (q: string): Promise<PickerOption[]> => {
    const res = await api<{ data: { id: string; email: string; name: string | null; role: OrgRole; status: OrgMemberStatus }[] }>(
      `/api/v1/organizations/${organizationId}/members?${query(q)}`,
    );
    return res.data.map((m) => ({ id: m.id, label: m.name ?? m.email, description: `${m.name ? `${m.email} · ` : ""}${ROLE_LABEL[m.role]} · ${STATUS_LABEL[m.status]}` }));
  };
}

export function searchGroups(organizationId: string) {
  return async (q: string): Promise<PickerOption[]> => {
    const res = await api<{ data: { id: string; name: string; memberCount: number }[] }>(`/api/v1/organizations/${organizationId}/groups?${query(q)}`);
    return res.data.map((g) => ({ id: g.id, label: g.name, description: `${g.memberCount} member${g.memberCount === 1 ? "" : "s"}` }));
  };
}

export function searchCollections(organizationId: string) {
  return async (q: string): Promise<PickerOption[]> => {
    const res = await api<{ data: { id: string; name: string; itemCount: number; isDefault: boolean }[] }>(`/api/v1/organizations/${organizationId}/collections?${query(q)}`);
    return res.data.map((c) => ({ id: c.id, label: c.name, description: `${c.itemCount} item${c.itemCount === 1 ? "" : "s"}${c.isDefault ? " · default" : ""}` }));
  };
}
