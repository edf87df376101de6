// GET /api/v1/me → {id, email, name, isStaff, providers: [...], organizations: [...]}
import { userRoute } from "@/lib/api/handler";
import { describeMe } from "@/lib/services/accounts/me";

export const GET = userRoute({}, async ({ user }) => describeMe(user));
