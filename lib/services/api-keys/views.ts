// The public shape of an API key: never its hash. `status` says whether it works right now and
// `statusReason` why not (revoked, provider disabled, creator removed or without the key's role).
import type { ProviderUserRole } from "@/lib/db/generated/enums";
import { apiKeyStanding, standingMessage, type ApiKeyStanding } from "./standing";

export const API_KEY_SELECT = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdById: true,
  createdBy: { select: { id: true, name: true, email: true } },
  createdByMembership: { select: { userId: true, role: true, status: true } },
  provider: { select: { enabled: true, status: true } },
} as const;

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  role: ProviderUserRole;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdById: string | null;
  createdBy: { id: string; name: string; email: string } | null;
  createdByMembership: { userId: string | null; role: ProviderUserRole; status: "INVITED" | "ACCEPTED" | "CONFIRMED" } | null;
  provider: { enabled: boolean; status: "PENDING" | "ACTIVE" };
}

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  role: ProviderUserRole;
  status: ApiKeyStanding;
  statusReason: string | null;
  createdBy: { id: string; name: string; email: string } | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function toApiKeyView(row: ApiKeyRow): ApiKeyView {
  const status = apiKeyStanding({ ...row, membership: row.createdByMembership });
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    status,
    statusReason: status === "active" ? null : standingMessage(status, row.role),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
