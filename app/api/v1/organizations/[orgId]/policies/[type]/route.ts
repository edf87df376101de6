import { z } from "zod";
import { organizationRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { isPolicyType } from "@/lib/policies/definitions";
import { updatePolicy } from "@/lib/services/policies/policies";

const PutBody = z.strictObject({
  enabled: z.boolean({ message: "Say whether the policy is on (true) or off (false)." }),
  settings: z.record(z.string(), z.unknown(), { message: "Send the settings as an object." }).optional(),
});

export const PUT = organizationRoute({ permission: "org.policies.manage", body: PutBody }, ({ organizationId, params, body, actor, meta }) => {
  const type = params.type ?? "";
  if (!isPolicyType(type)) throw notFound("policy type");
  return updatePolicy({ organizationId, type, enabled: body.enabled, settings: body.settings }, { actor, meta });
});
