// Every organization admin-console route × every kind of caller. Allowed callers get the route's
// success status on a fresh organization; others 403 (related but not allowed), 404 (no relation:
// the organization's existence is not revealed) or 401 (signed out).
import { describe, expect, it } from "vitest";
import * as org from "@/app/api/v1/organizations/[orgId]/route";
import * as members from "@/app/api/v1/organizations/[orgId]/members/route";
import * as bulkConfirm from "@/app/api/v1/organizations/[orgId]/members/confirm/route";
import * as bulkRevoke from "@/app/api/v1/organizations/[orgId]/members/revoke/route";
import * as bulkRestore from "@/app/api/v1/organizations/[orgId]/members/restore/route";
import * as bulkReinvite from "@/app/api/v1/organizations/[orgId]/members/reinvite/route";
import * as member from "@/app/api/v1/organizations/[orgId]/members/[mId]/route";
import * as confirm from "@/app/api/v1/organizations/[orgId]/members/[mId]/confirm/route";
import * as revoke from "@/app/api/v1/organizations/[orgId]/members/[mId]/revoke/route";
import * as restore from "@/app/api/v1/organizations/[orgId]/members/[mId]/restore/route";
import * as reinvite from "@/app/api/v1/organizations/[orgId]/members/[mId]/reinvite/route";
import * as groups from "@/app/api/v1/organizations/[orgId]/groups/route";
import * as group from "@/app/api/v1/organizations/[orgId]/groups/[gId]/route";
import * as collections from "@/app/api/v1/organizations/[orgId]/collections/route";
import * as collection from "@/app/api/v1/organizations/[orgId]/collections/[cId]/route";
import * as policies from "@/app/api/v1/organizations/[orgId]/policies/route";
import * as policy from "@/app/api/v1/organizations/[orgId]/policies/[type]/route";
import * as importRoute from "@/app/api/v1/organizations/[orgId]/import/route";
import * as items from "@/app/api/v1/organizations/[orgId]/items/route";
import * as itemRoute from "@/app/api/v1/organizations/[orgId]/items/[itemId]/route";
import { call, type CallOptions } from "../support/http";
import { ACTORS, orgWorld, type Actor, type World } from "./support";

type Handler = Parameters<typeof call>[0];
type Access = "read" | "update" | "admin" | "items";

interface Route {
  name: string;
  handler: Handler;
  method: string;
  access: Access;
  success: number;
  params: (w: World) => Record<string, string>;
  options?: (w: World) => Omit<CallOptions, "as" | "params">;
}

const CSV = "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\nWork,,login,Mail,,,0,https://mail.test,me,pw,\n";

const routes: Route[] = [
  { name: "GET organization", handler: org.GET, method: "GET", access: "read", success: 200, params: (w) => ({ orgId: w.organization.id }) },
  { name: "PATCH organization", handler: org.PATCH, method: "PATCH", access: "update", success: 200, params: (w) => ({ orgId: w.organization.id }), options: () => ({ body: { name: "Contoso Ltd" } }) },
  { name: "GET members", handler: members.GET, method: "GET", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id }) },
  { name: "POST members (invite)", handler: members.POST, method: "POST", access: "admin", success: 201, params: (w) => ({ orgId: w.organization.id }), options: () => ({ body: { emails: ["new.person@example.test"], role: "USER" } }) },
  { name: "DELETE members (bulk)", handler: members.DELETE, method: "DELETE", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id }), options: (w) => ({ body: { ids: [w.target.member.id] } }) },
  { name: "POST members/confirm", handler: bulkConfirm.POST, method: "POST", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id }), options: (w) => ({ body: { ids: [w.accepted.member.id] } }) },
  { name: "POST members/revoke", handler: bulkRevoke.POST, method: "POST", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id }), options: (w) => ({ body: { ids: [w.target.member.id] } }) },
  { name: "POST members/restore", handler: bulkRestore.POST, method: "POST", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id }), options: (w) => ({ body: { ids: [w.revoked.member.id] } }) },
  { name: "POST members/reinvite", handler: bulkReinvite.POST, method: "POST", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id }), options: (w) => ({ body: { ids: [w.invited.member.id] } }) },
  { name: "PATCH members/{mId}", handler: member.PATCH, method: "PATCH", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, mId: w.target.member.id }), options: () => ({ body: { role: "ADMIN" } }) },
  { name: "DELETE members/{mId}", handler: member.DELETE, method: "DELETE", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, mId: w.target.member.id }) },
  { name: "POST members/{mId}/confirm", handler: confirm.POST, method: "POST", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, mId: w.accepted.member.id }) },
  { name: "POST members/{mId}/revoke", handler: revoke.POST, method: "POST", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, mId: w.target.member.id }) },
  { name: "POST members/{mId}/restore", handler: restore.POST, method: "POST", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, mId: w.revoked.member.id }) },
  { name: "POST members/{mId}/reinvite", handler: reinvite.POST, method: "POST", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, mId: w.invited.member.id }) },
  { name: "GET groups", handler: groups.GET, method: "GET", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id }) },
  { name: "POST groups", handler: groups.POST, method: "POST", access: "admin", success: 201, params: (w) => ({ orgId: w.organization.id }), options: () => ({ body: { name: "Sales" } }) },
  { name: "GET groups/{gId}", handler: group.GET, method: "GET", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, gId: w.group.id }) },
  { name: "PATCH groups/{gId}", handler: group.PATCH, method: "PATCH", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, gId: w.group.id }), options: () => ({ body: { name: "Accounting" } }) },
  { name: "DELETE groups/{gId}", handler: group.DELETE, method: "DELETE", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, gId: w.group.id }) },
  { name: "GET collections", handler: collections.GET, method: "GET", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id }) },
  { name: "POST collections", handler: collections.POST, method: "POST", access: "admin", success: 201, params: (w) => ({ orgId: w.organization.id }), options: () => ({ body: { name: "Infrastructure" } }) },
  { name: "GET collections/{cId}", handler: collection.GET, method: "GET", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, cId: w.shared.id }) },
  { name: "PATCH collections/{cId}", handler: collection.PATCH, method: "PATCH", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, cId: w.shared.id }), options: () => ({ body: { name: "Shared logins" } }) },
  { name: "DELETE collections/{cId}", handler: collection.DELETE, method: "DELETE", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, cId: w.shared.id }) },
  { name: "GET policies", handler: policies.GET, method: "GET", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id }) },
  { name: "PUT policies/{type}", handler: policy.PUT, method: "PUT", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id, type: "MASTER_PASSWORD" }), options: () => ({ body: { enabled: true, settings: { minLength: 14 } } }) },
  { name: "POST import", handler: importRoute.POST, method: "POST", access: "admin", success: 201, params: (w) => ({ orgId: w.organization.id }), options: () => ({ rawBody: CSV, headers: { "content-type": "text/csv" } }) },
  { name: "POST import?preview", handler: importRoute.POST, method: "POST", access: "admin", success: 200, params: (w) => ({ orgId: w.organization.id }), options: () => ({ rawBody: CSV, headers: { "content-type": "text/csv" }, query: { preview: "true" } }) },
  { name: "GET items", handler: items.GET, method: "GET", access: "items", success: 200, params: (w) => ({ orgId: w.organization.id }) },
  { name: "GET items/{itemId}", handler: itemRoute.GET, method: "GET", access: "items", success: 200, params: (w) => ({ orgId: w.organization.id, itemId: w.item.id }) },
];

const ALLOWED: Record<Access, Actor[]> = {
  read: ["owner", "admin", "user", "providerAdmin", "serviceUser"],
  update: ["owner", "providerAdmin", "serviceUser"],
  admin: ["owner", "admin", "providerAdmin", "serviceUser"],
  items: ["owner", "admin", "user"],
};
const RELATED: Actor[] = ["owner", "admin", "user", "providerAdmin", "serviceUser"];

function expected(route: Route, actor: Actor): number {
  if (actor === "signedOut") return 401;
  if (ALLOWED[route.access].includes(actor)) return route.success;
  return RELATED.includes(actor) ? 403 : 404;
}

const cases = routes.flatMap((route) => ACTORS.map((actor) => ({ route, actor, status: expected(route, actor) })));

describe("organization admin console permissions", () => {
  it.each(cases)("$route.name as $actor → $status", async ({ route, actor, status }) => {
    const world = await orgWorld();
    const user = world.actors[actor];
    const res = await call(route.handler, route.method, "/api/v1/organizations/x", { as: user, params: route.params(world), ...route.options?.(world) });
    expect(res.status, res.text).toBe(status);
  });

  // Routes addressing a sub-resource by id (members, groups, collections, items; a policy type is not an id).
  const subResources = routes.filter((r) => r.name.includes("{") && !r.name.includes("{type}")).map((route) => ({ route }));

  it.each(subResources)("$route.name with another organization's id → 404", async ({ route }) => {
    const world = await orgWorld();
    const other = await orgWorld();
    const params = route.params(other);
    params.orgId = world.organization.id;
    const res = await call(route.handler, route.method, "/api/v1/organizations/x", { as: world.owner, params, ...route.options?.(other) });
    expect(res.status, res.text).toBe(404);
  });

  it.each(subResources)("$route.name with a malformed id → 404", async ({ route }) => {
    const world = await orgWorld();
    const params = route.params(world);
    for (const key of Object.keys(params)) if (key !== "orgId") params[key] = "not-an-id";
    const res = await call(route.handler, route.method, "/api/v1/organizations/x", { as: world.owner, params, ...route.options?.(world) });
    expect(res.status, res.text).toBe(404);
  });

  it("an unknown or malformed organization id is a 404 for everyone", async () => {
    const world = await orgWorld();
    for (const orgId of ["00000000-0000-4000-8000-000000000000", "nope"]) {
      expect((await call(members.GET, "GET", "/x", { as: world.owner, params: { orgId } })).status).toBe(404);
    }
    expect((await call(policy.PUT, "PUT", "/x", { as: world.owner, params: { orgId: world.organization.id, type: "NOT_A_POLICY" }, body: { enabled: true } })).status).toBe(404);
  });
});
