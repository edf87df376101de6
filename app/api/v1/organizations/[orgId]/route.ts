import { z } from "zod";
import { organizationRoute } from "@/lib/api/handler";
import { getOrganization, updateOrganization } from "@/lib/services/organizations/organization-settings";
import { emailSchema, nameSchema } from "@/lib/validation";

export const GET = organizationRoute({ permission: "org.read" }, ({ organizationId }) => getOrganization(organizationId));

const UpdateBody = z.strictObject({ name: nameSchema.optional(), billingEmail: emailSchema.optional() });

export const PATCH = organizationRoute({ permission: "org.update", body: UpdateBody }, ({ organizationId, body, actor, meta }) =>
  updateOrganization({ organizationId, ...body }, { actor, meta }),
);
