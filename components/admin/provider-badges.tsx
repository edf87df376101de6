import { Badge } from "@/components/ui/badge";

export function ProviderStatusBadge({ status }: { status: "PENDING" | "ACTIVE" }) {
  return status === "ACTIVE" ? <Badge tone="success">Active</Badge> : <Badge tone="warning">Pending setup</Badge>;
}

export function ProviderEnabledBadge({ enabled }: { enabled: boolean }) {
  return enabled ? <Badge tone="neutral">Enabled</Badge> : <Badge tone="danger">Disabled</Badge>;
}

export const PROVIDER_TYPE_LABEL = { MSP: "MSP", RESELLER: "Reseller" } as const;
