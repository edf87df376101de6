// Event-type rows for policy templates and bulk actions on clients (Provider Admins), and refusals
// that leave no event and no change behind.
import { POST as bulkRoute } from "@/app/api/v1/providers/[id]/clients/bulk/route";
import { POST as applyRoute } from "@/app/api/v1/providers/[id]/policy-templates/[templateId]/apply/route";
import { DELETE as templateDelete, PATCH as templatePatch } from "@/app/api/v1/providers/[id]/policy-templates/[templateId]/route";
import { POST as templatesPost } from "@/app/api/v1/providers/[id]/policy-templates/route";
import { db } from "@/lib/db/client";
import { defaultSettings } from "@/lib/policies/definitions";
import { createOrganization } from "../../support/factories";
import { call } from "../../support/http";
import { actorOf, expectStatus, HTTP_META, type EventTypeCase, type RefusalCase } from "../event-type-cases";
import { northwindWithClient } from "./clients";

const TIMEOUT = { name: "Baseline", policies: [{ type: "VAULT_TIMEOUT", enabled: true, settings: { maxMinutes: 30 } }] };

/** Northwind and Contoso Dental, with the template "Baseline" created directly (no event). */
async function withTemplate() {
  const w = await northwindWithClient();
  const template = await db.policyTemplate.create({
    data: { providerId: w.provider.id, name: "Baseline", policies: [{ type: "VAULT_TIMEOUT", enabled: true, settings: { ...defaultSettings("VAULT_TIMEOUT"), maxMinutes: 30 } }] },
  });
  return { ...w, template, params: { id: w.provider.id, templateId: template.id }, path: `/api/v1/providers/${w.provider.id}/policy-templates/${template.id}` };
}

const providerScope = (w: { provider: { id: string } }) => ({ providerId: w.provider.id, actingProviderId: null, chainScope: `provider:${w.provider.id}`, meta: HTTP_META });
const templateTarget = (t: { id: string }, name: string) => ({ type: "POLICY_TEMPLATE" as const, id: t.id, name });

export const TEMPLATE_CASES: EventTypeCase[] = [
  {
    type: "POLICY_TEMPLATE_CREATED",
    async act() {
      const w = await northwindWithClient();
      const res = await call(templatesPost, "POST", `/api/v1/providers/${w.provider.id}/policy-templates`, { as: w.admin, params: { id: w.provider.id }, body: TIMEOUT });
      expectStatus(res, 201);
      return {
        actor: actorOf(w.admin),
        ...providerScope(w),
        organizationId: null,
        target: templateTarget(res.body, "Baseline"),
        details: { policies: [{ type: "VAULT_TIMEOUT", enabled: true }] },
        sentence: 'Alice Admin created the policy template "Baseline"',
      };
    },
  },
  {
    type: "POLICY_TEMPLATE_UPDATED",
    async act() {
      const w = await withTemplate();
      const res = await call(templatePatch, "PATCH", w.path, { as: w.admin, params: w.params, body: { name: "Strict" } });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.admin),
        ...providerScope(w),
        organizationId: null,
        target: templateTarget(w.template, "Strict"),
        details: { changed: ["name"], before: { name: "Baseline" }, after: { name: "Strict" } },
        sentence: 'Alice Admin changed the policy template "Strict" (name)',
      };
    },
  },
  {
    type: "POLICY_TEMPLATE_DELETED",
    async act() {
      const w = await withTemplate();
      const res = await call(templateDelete, "DELETE", w.path, { as: w.admin, params: w.params });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.admin),
        ...providerScope(w),
        organizationId: null,
        target: templateTarget(w.template, "Baseline"),
        details: {},
        sentence: 'Alice Admin deleted the policy template "Baseline"',
      };
    },
  },
  {
    type: "POLICY_TEMPLATE_APPLIED",
    async act() {
      const w = await withTemplate();
      const res = await call(applyRoute, "POST", `${w.path}/apply`, { as: w.admin, params: w.params, body: { all: true } });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.admin),
        ...providerScope(w),
        organizationId: null,
        target: templateTarget(w.template, "Baseline"),
        details: { scope: "all", clients: 1, applied: 1, unchanged: 0, failed: 0 },
        sentence: 'Alice Admin applied the policy template "Baseline" to 1 client (1 changed, 0 unchanged, 0 failed)',
      };
    },
  },
  {
    type: "PROVIDER_ORGANIZATION_DISABLED",
    async act() {
      const w = await northwindWithClient();
      const res = await call(bulkRoute, "POST", `/api/v1/providers/${w.provider.id}/clients/bulk`, {
        as: w.admin,
        params: { id: w.provider.id },
        body: { action: "disable", organizationIds: [w.client.id] },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.admin),
        ...providerScope(w),
        organizationId: w.client.id,
        target: { type: "ORGANIZATION", id: w.client.id, name: "Contoso Dental" },
        details: {},
        sentence: "Alice Admin disabled the client Contoso Dental",
      };
    },
  },
  {
    type: "PROVIDER_ORGANIZATION_ENABLED",
    async act() {
      const w = await northwindWithClient();
      await db.organization.update({ where: { id: w.client.id }, data: { enabled: false } });
      const res = await call(bulkRoute, "POST", `/api/v1/providers/${w.provider.id}/clients/bulk`, {
        as: w.admin,
        params: { id: w.provider.id },
        body: { action: "enable", query: { q: "contoso" } },
      });
      expectStatus(res, 200);
      return {
        actor: actorOf(w.admin),
        ...providerScope(w),
        organizationId: w.client.id,
        target: { type: "ORGANIZATION", id: w.client.id, name: "Contoso Dental" },
        details: {},
        sentence: "Alice Admin enabled the client Contoso Dental",
      };
    },
  },
];

export const TEMPLATE_REFUSALS: RefusalCase[] = [
  {
    name: "a template with invalid settings (400)",
    status: 400,
    code: "invalid_template",
    async arrange() {
      const w = await northwindWithClient();
      return () =>
        call(templatesPost, "POST", `/api/v1/providers/${w.provider.id}/policy-templates`, {
          as: w.admin,
          params: { id: w.provider.id },
          body: { name: "Bad", policies: [{ type: "MASTER_PASSWORD", enabled: true, settings: { minLength: 3 } }] },
        });
    },
  },
  {
    name: "a service user applies a template (403)",
    status: 403,
    code: "forbidden",
    async arrange() {
      const w = await withTemplate();
      return () => call(applyRoute, "POST", `${w.path}/apply`, { as: w.serviceUser, params: w.params, body: { all: true } });
    },
  },
  {
    name: "applying a template to another provider's client (404)",
    status: 404,
    code: "not_found",
    async arrange() {
      const w = await withTemplate();
      const { organization } = await createOrganization({ name: "Someone Else's" });
      return () => call(applyRoute, "POST", `${w.path}/apply`, { as: w.admin, params: w.params, body: { organizationIds: [w.client.id, organization.id] } });
    },
  },
  {
    name: "bulk-disabling with another provider's client among the ids (404)",
    status: 404,
    code: "not_found",
    async arrange() {
      const w = await northwindWithClient();
      const { organization } = await createOrganization({ name: "Someone Else's" });
      return () =>
        call(bulkRoute, "POST", `/api/v1/providers/${w.provider.id}/clients/bulk`, {
          as: w.admin,
          params: { id: w.provider.id },
          body: { action: "disable", organizationIds: [w.client.id, organization.id] },
        });
    },
  },
];
