// Which plans are billed per seat (and count towards a provider's seats under management).
import type { OrganizationPlan } from "@/lib/db/generated/client.ts";

export const SEAT_PLANS = ["TEAMS_MONTHLY", "TEAMS_ANNUAL", "ENTERPRISE_MONTHLY", "ENTERPRISE_ANNUAL"] as const satisfies readonly OrganizationPlan[];
export type SeatPlan = (typeof SEAT_PLANS)[number];

export function isSeatPlan(plan: string): plan is SeatPlan {
  return (SEAT_PLANS as readonly string[]).includes(plan);
}

export const PLAN_LABELS: Record<OrganizationPlan, string> = {
  FREE: "Free",
  FAMILIES: "Families",
  TEAMS_MONTHLY: "Teams (monthly)",
  TEAMS_ANNUAL: "Teams (annual)",
  ENTERPRISE_MONTHLY: "Enterprise (monthly)",
  ENTERPRISE_ANNUAL: "Enterprise (annual)",
};
