// Who may use the template and bulk routes: every role against every route, through the real wrapper.
import { describe, expect, it } from "vitest";
import { POST as bulkRoute } from "@/app/api/v1/providers/[id]/clients/bulk/route";
import { GET as exportRoute } from "@/app/api/v1/providers/[id]/clients/export/route";
import { POST as applyRoute } from "@/app/api/v1/providers/[id]/policy-templates/[templateId]/apply/route";
import { GET as driftRoute } from "@/app/api/v1/providers/[id]/policy-templates/[templateId]/drift/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/providers/[id]/policy-templates/[templateId]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/providers/[id]/policy-templates/route";
import { db } from "@/lib/db/client";
import { createUser } from "../support/factories";
import { call } from "../support/http";
import { BASELINE, createTemplate, templateWorld, type TemplateWorld } from "./world";

type Who = "admin" | "serviceUser" | "outsider" | "otherAdmin" | "clientOwner" | "staff" | "signedOut";
type Handler = Parameters<typeof call>[0];
type World = TemplateWorld & { templateId: string };

interface RouteCase {
  route: string;
  handler: Handler;
  method: string;
  path: (w: World) => string;
  params: (w: World) => Record<string, string>;
  body?: (w: World) => unknown;
  ok: number;
}

const base = (w: World) => `/api/v1/providers/${w.provider.id}`;
const provider = (w: World) => ({ id: w.provider.id });
const template = (w: World) => ({ id: w.provider.id, templateId: w.templateId });

const ROUTES: RouteCase[] = [
  { route: "GET policy-templates", handler: listRoute, method: "GET", path: (w) => `${base(w)}/policy-templates`, params: provider, ok: 200 },
  { route: "POST policy-templates", handler: createRoute, method: "POST", path: (w) => `${base(w)}/policy-templates`, params: provider, body: () => ({ ...BASELINE, name: "New" }), ok: 201 },
  { route: "GET policy-templates/{t}", handler: getRoute, method: "GET", path: (w) => `${base(w)}/policy-templates/${w.templateId}`, params: template, ok: 200 },
  { route: "PATCH policy-templates/{t}", handler: patchRoute, method: "PATCH", path: (w) => `${base(w)}/policy-templates/${w.templateId}`, params: template, body: () => ({ name: "Renamed" }), ok: 200 },
  { route: "DELETE policy-templates/{t}", handler: deleteRoute, method: "DELETE", path: (w) => `${base(w)}/policy-templates/${w.templateId}`, params: template, ok: 200 },
  { route: "GET policy-templates/{t}/drift", handler: driftRoute, method: "GET", path: (w) => `${base(w)}/policy-templates/${w.templateId}/drift`, params: template, ok: 200 },
  {
    route: "POST policy-templates/{t}/apply",
    handler: applyRoute,
    method: "POST",
    path: (w) => `${base(w)}/policy-templates/${w.templateId}/apply`,
    params: template,
    body: (w) => ({ organizationIds: [w.alpha.id] }),
    ok: 200,
  },
  { route: "POST clients/bulk", handler: bulkRoute, method: "POST", path: (w) => `${base(w)}/clients/bulk`, params: provider, body: (w) => ({ action: "disable", organizationIds: [w.alpha.id] }), ok: 200 },
  { route: "GET clients/export", handler: exportRoute, method: "GET", path: (w) => `${base(w)}/clients/export`, params: provider, ok: 200 },
];

/**
 * Provider members get 403 for what their role lacks, and so do platform staff (who may read a
 * provider but not act for it); everyone else never learns the provider exists.
 */
const expected = (ok: number): Record<Who, number> => ({ admin: ok, serviceUser: 403, outsider: 404, otherAdmin: 404, clientOwner: 404, staff: 403, signedOut: 401 });
const WHO: Who[] = ["admin", "serviceUser", "outsider", "otherAdmin", "clientOwner", "staff", "signedOut"];
const cases = ROUTES.flatMap((route) => WHO.map((who) => ({ ...route, who, status: expected(route.ok)[who] })));

describe("template and bulk routes: permission table", () => {
  it.each(cases)("$route as $who → $status", async ({ handler, method, path, params, body, who, status }) => {
    const w = await templateWorld();
    const world: World = { ...w, templateId: await createTemplate(w) };
    const staff = await createUser({ name: "Stella Staff", isStaff: true });
    const eventsBefore = await db.event.count();
    const as = who === "signedOut" ? null : who === "staff" ? staff : w[who];
    const res = await call(handler, method, path(world), { as, params: params(world), body: body?.(world) });
    expect(res.status, res.text).toBe(status);
    if (status >= 400) {
      expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect(await db.event.count()).toBe(eventsBefore);
      expect(await db.organization.findUniqueOrThrow({ where: { id: w.alpha.id } })).toMatchObject({ enabled: true });
    }
  });
});
