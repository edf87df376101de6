import { Badge } from "@/components/ui/badge";
import type { ApiKeyStanding } from "@/lib/services/api-keys/standing";

export { ROLE_LABEL as API_KEY_ROLE_LABEL } from "@/lib/services/api-keys/standing";

const STATUS = {
  active: { tone: "success", label: "Active" },
  revoked: { tone: "neutral", label: "Revoked" },
  provider_disabled: { tone: "danger", label: "Provider disabled" },
  creator_removed: { tone: "warning", label: "Not working" },
  creator_lacks_role: { tone: "warning", label: "Not working" },
} as const satisfies Record<ApiKeyStanding, { tone: string; label: string }>;

export function ApiKeyStatusBadge({ status }: { status: ApiKeyStanding }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
