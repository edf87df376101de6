import { bulkMemberActionRoute } from "@/lib/api/member-action-routes";

/** {ids} → a result per member. */
export const POST = bulkMemberActionRoute("confirm");
