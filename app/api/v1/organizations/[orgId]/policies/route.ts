import { organizationRoute } from "@/lib/api/handler";
import { listPolicies } from "@/lib/services/policies/policies";

/** Every policy type, with its defaults where the organization has not configured it. */
export const GET = organizationRoute({ permission: "org.policies.manage" }, async ({ organizationId }) => ({ data: await listPolicies(organizationId) }));
