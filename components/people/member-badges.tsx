import { Badge } from "@/components/ui/badge";

export const PROVIDER_ROLE_LABEL = { PROVIDER_ADMIN: "Provider Admin", SERVICE_USER: "Service User" } as const;

const STATUS = {
  INVITED: { tone: "warning", label: "Invited" },
  ACCEPTED: { tone: "info", label: "Needs confirmation" },
  CONFIRMED: { tone: "success", label: "Confirmed" },
} as const;

export function MemberStatusBadge({ status }: { status: keyof typeof STATUS }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
