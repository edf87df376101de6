import { memberActionRoute } from "@/lib/api/member-action-routes";

export const POST = memberActionRoute("reinvite");
