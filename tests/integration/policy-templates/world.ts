// A provider with three clients (and another provider with its own client), for the template and
// bulk-action tests.
import { POST as applyRoute } from "@/app/api/v1/providers/[id]/policy-templates/[templateId]/apply/route";
import { POST as createRoute } from "@/app/api/v1/providers/[id]/policy-templates/route";
import { addProviderUser, createOrganization, createProvider, createUser } from "../support/factories";
import { call } from "../support/http";

export async function templateWorld() {
  const { provider, admin } = await createProvider({ name: "Northwind IT Services" });
  const serviceUser = await createUser({ name: "Carol Service" });
  await addProviderUser(provider.id, serviceUser, "SERVICE_USER", "CONFIRMED");
  const clientOwner = await createUser({ name: "Olivia Owner" });
  const { organization: alpha } = await createOrganization({ name: "Alpha Dental", providerId: provider.id, owner: clientOwner });
  const { organization: beta } = await createOrganization({ name: "Beta Legal", providerId: provider.id });
  const { organization: gamma } = await createOrganization({ name: "Gamma Shipping", providerId: provider.id });
  const other = await createProvider({ name: "Other MSP" });
  const { organization: foreign } = await createOrganization({ name: "Foreign Client", providerId: other.provider.id });
  const outsider = await createUser({ name: "Otto Outsider" });
  return { provider, admin: admin!, serviceUser, clientOwner, alpha, beta, gamma, otherProvider: other.provider, otherAdmin: other.admin!, foreign, outsider };
}

export type TemplateWorld = Awaited<ReturnType<typeof templateWorld>>;

export const BASELINE = {
  name: "Baseline",
  policies: [
    { type: "MASTER_PASSWORD", enabled: true, settings: { minLength: 14, requireUpper: true } },
    { type: "VAULT_TIMEOUT", enabled: true, settings: { maxMinutes: 30, action: "lock" } },
    { type: "SEND_OPTIONS", enabled: false },
  ],
};

export async function createTemplate(w: TemplateWorld, body: unknown = BASELINE): Promise<string> {
  const res = await call(createRoute, "POST", `/api/v1/providers/${w.provider.id}/policy-templates`, { as: w.admin, params: { id: w.provider.id }, body });
  if (res.status !== 201) throw new Error(res.text);
  return res.body.id;
}

export function apply(w: TemplateWorld, templateId: string, body: unknown, headers?: Record<string, string>) {
  return call(applyRoute, "POST", `/api/v1/providers/${w.provider.id}/policy-templates/${templateId}/apply`, {
    as: w.admin,
    params: { id: w.provider.id, templateId },
    body,
    headers,
  });
}
