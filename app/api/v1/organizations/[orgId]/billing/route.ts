// GET /api/v1/organizations/{orgId}/billing — provider members for a managed organization, the
// owners of an independent one; a managed organization's own owners get 403 (PRODUCT.md rule 9).
import { organizationRoute } from "@/lib/api/handler";
import { organizationBilling } from "@/lib/services/billing/organization-billing";

export const GET = organizationRoute({ permission: "org.billing.read" }, async ({ organizationId }) => organizationBilling(organizationId));
