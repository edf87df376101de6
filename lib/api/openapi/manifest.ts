// Every /api/v1 route module, with the path it is served at and a summary per method. The OpenAPI
// document reads each handler's RouteDoc (auth, permission, zod schemas) from the wrapper, so adding a
// route to the document is one line here; lib/api/openapi/document.test.ts fails when a route file
// under app/api/v1 is missing. (Route files cannot export extra names: Next.js rejects them.)
import { z } from "zod";
import { POLICY_TYPES } from "@/lib/policies/definitions";
import { REPORT_NAMES } from "@/lib/services/reports/schemas";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationNote {
  summary: string;
  /** The success status when it is not 200. */
  status?: 201;
  description?: string;
}

export interface ManifestRoute {
  /** The path under /api/v1, with `{param}` where the folder is `[param]`. */
  path: string;
  load: () => Promise<Record<string, unknown>>;
  operations: Partial<Record<HttpMethod, string | OperationNote>>;
  /** Path parameters that are not uuids. */
  params?: Record<string, z.ZodType>;
}

export interface ManifestSection {
  tag: string;
  description: string;
  routes: ManifestRoute[];
}

const route = (path: string, load: ManifestRoute["load"], operations: ManifestRoute["operations"], params?: ManifestRoute["params"]): ManifestRoute => ({
  path,
  load,
  operations,
  params,
});
const created = (summary: string, description?: string): OperationNote => ({ summary, status: 201, description });

export const API_SECTIONS: ManifestSection[] = [
  {
    tag: "Account",
    description: "The signed-in person's own account. Session only: API keys are refused.",
    routes: [
      route("/auth/register", () => import("@/app/api/v1/auth/register/route"), { POST: created("Create an account") }),
      route("/me", () => import("@/app/api/v1/me/route"), { GET: "The signed-in user, their providers and organizations" }),
      route("/me/password", () => import("@/app/api/v1/me/password/route"), { POST: "Change the password (other sessions end)" }),
      route("/me/sign-out-everywhere", () => import("@/app/api/v1/me/sign-out-everywhere/route"), { POST: "End every session" }),
      route("/me/2fa", () => import("@/app/api/v1/me/2fa/route"), { GET: "Two-step login status", DELETE: "Turn two-step login off" }),
      route("/me/2fa/totp", () => import("@/app/api/v1/me/2fa/totp/route"), { POST: "Start authenticator enrolment" }),
      route("/me/2fa/totp/verify", () => import("@/app/api/v1/me/2fa/totp/verify/route"), { POST: "Confirm authenticator enrolment" }),
      route("/me/2fa/recovery-codes", () => import("@/app/api/v1/me/2fa/recovery-codes/route"), { POST: "Replace the recovery codes" }),
    ],
  },
  {
    tag: "Staff console",
    description: "Platform staff only.",
    routes: [
      route("/admin/providers", () => import("@/app/api/v1/admin/providers/route"), { GET: "List providers", POST: created("Invite an MSP as a provider") }),
      route("/admin/providers/{id}/setup-invitation", () => import("@/app/api/v1/admin/providers/[id]/setup-invitation/route"), { POST: "Re-issue the setup link" }),
      route("/admin/providers/{id}/disable", () => import("@/app/api/v1/admin/providers/[id]/disable/route"), { POST: "Disable a provider and its clients" }),
      route("/admin/providers/{id}/enable", () => import("@/app/api/v1/admin/providers/[id]/enable/route"), { POST: "Enable a provider and its clients" }),
      route("/admin/providers/{id}/billing", () => import("@/app/api/v1/admin/providers/[id]/billing/route"), { GET: "A provider's billing mode and seat minimums", PUT: "Set a provider's billing mode and seat minimums" }),
      route("/admin/pricing/prices", () => import("@/app/api/v1/admin/pricing/prices/route"), { GET: "Seat prices", POST: created("Set a seat price from a month on") }),
      route("/admin/pricing/tiers", () => import("@/app/api/v1/admin/pricing/tiers/route"), { GET: "Discount tiers", PUT: "Replace the discount tiers" }),
      route("/admin/invoices/{invId}/status", () => import("@/app/api/v1/admin/invoices/[invId]/status/route"), { POST: "Set an invoice's payment status" }),
      route("/admin/billing/runs", () => import("@/app/api/v1/admin/billing/runs/route"), { POST: "Issue a completed month's invoices" }),
    ],
  },
  {
    tag: "Provider",
    description: "A provider, its setup, settings and billing.",
    routes: [
      route("/providers/{id}", () => import("@/app/api/v1/providers/[id]/route"), { GET: "The provider", PATCH: "Change the provider's settings" }),
      route("/providers/{id}/setup", () => import("@/app/api/v1/providers/[id]/setup/route"), { POST: "Complete provider setup with the setup token" }),
      route("/providers/{id}/billing", () => import("@/app/api/v1/providers/[id]/billing/route"), { GET: "Billing mode, seats under management and discount tier" }),
      route("/providers/{id}/invoices", () => import("@/app/api/v1/providers/[id]/invoices/route"), { GET: "List invoices" }),
      route("/providers/{id}/invoices/{invId}", () => import("@/app/api/v1/providers/[id]/invoices/[invId]/route"), {
        GET: { summary: "An invoice with its lines", description: "`?format=csv` answers the lines as CSV (client, id, assigned, used, remaining, plan, total)." },
      }),
    ],
  },
  {
    tag: "Clients",
    description: "The provider's client organizations.",
    routes: [
      route("/providers/{id}/clients", () => import("@/app/api/v1/providers/[id]/clients/route"), { GET: "List clients with totals", POST: created("Create a client organization") }),
      route("/providers/{id}/clients/addable", () => import("@/app/api/v1/providers/[id]/clients/addable/route"), { GET: "Organizations the caller owns that could be added" }),
      route("/providers/{id}/clients/existing", () => import("@/app/api/v1/providers/[id]/clients/existing/route"), { POST: created("Add an existing organization as a client") }),
      route("/providers/{id}/clients/bulk", () => import("@/app/api/v1/providers/[id]/clients/bulk/route"), {
        POST: {
          summary: "Disable, enable or apply a policy template to many clients",
          description: "By `organizationIds` or every client matching `query.q`. Each client in its own transaction, with its own result. `Accept: application/x-ndjson` streams progress.",
        },
      }),
      route("/providers/{id}/clients/export", () => import("@/app/api/v1/providers/[id]/clients/export/route"), {
        GET: { summary: "Export clients as CSV", description: "Repeated `ids` or a search `q`; streamed: name, plan, seats, occupied, status, created." },
      }),
      route("/providers/{id}/clients/{orgId}", () => import("@/app/api/v1/providers/[id]/clients/[orgId]/route"), {
        GET: "A client's overview",
        PATCH: "Rename a client, change its plan or seats",
        DELETE: "Detach a client (it keeps its data and becomes self-billed)",
      }),
    ],
  },
  {
    tag: "Policy templates",
    description: "A provider's policy sets, applied to many clients, and which clients drift from them. Provider Admins.",
    routes: [
      route("/providers/{id}/policy-templates", () => import("@/app/api/v1/providers/[id]/policy-templates/route"), { GET: "List policy templates", POST: created("Create a policy template") }),
      route("/providers/{id}/policy-templates/{templateId}", () => import("@/app/api/v1/providers/[id]/policy-templates/[templateId]/route"), {
        GET: "A policy template with its drift counts",
        PATCH: "Rename a template or change its policies",
        DELETE: "Delete a template (clients keep their policies)",
      }),
      route("/providers/{id}/policy-templates/{templateId}/apply", () => import("@/app/api/v1/providers/[id]/policy-templates/[templateId]/apply/route"), {
        POST: { summary: "Apply a template to selected or all clients", description: "Per-client results; `Accept: application/x-ndjson` streams progress." },
      }),
      route("/providers/{id}/policy-templates/{templateId}/drift", () => import("@/app/api/v1/providers/[id]/policy-templates/[templateId]/drift/route"), {
        GET: "Clients that differ from the template, policy by policy (paged)",
      }),
    ],
  },
  {
    tag: "Provider people",
    description: "Provider Admins and Service Users of the provider.",
    routes: [
      route("/providers/{id}/users", () => import("@/app/api/v1/providers/[id]/users/route"), { GET: "List members", DELETE: "Remove members (bulk)" }),
      route("/providers/{id}/users/invite", () => import("@/app/api/v1/providers/[id]/users/invite/route"), { POST: created("Invite people") }),
      route("/providers/{id}/users/confirm", () => import("@/app/api/v1/providers/[id]/users/confirm/route"), { POST: "Confirm accepted members (bulk)" }),
      route("/providers/{id}/users/reinvite", () => import("@/app/api/v1/providers/[id]/users/reinvite/route"), { POST: "Re-send invitations (bulk)" }),
      route("/providers/{id}/users/{puId}", () => import("@/app/api/v1/providers/[id]/users/[puId]/route"), { PATCH: "Change a member's role", DELETE: "Remove a member" }),
      route("/providers/{id}/users/{puId}/reinvite", () => import("@/app/api/v1/providers/[id]/users/[puId]/reinvite/route"), { POST: "Re-send an invitation" }),
      route("/providers/{id}/users/{puId}/confirm", () => import("@/app/api/v1/providers/[id]/users/[puId]/confirm/route"), { POST: "Confirm an accepted member" }),
      route("/providers/{id}/users/{puId}/scope", () => import("@/app/api/v1/providers/[id]/users/[puId]/scope/route"), {
        GET: { summary: "A member's client access", description: "Whether the member is limited to selected clients, and a page of those clients by name." },
        PUT: {
          summary: "Limit a Service User to selected clients, or give them all clients",
          description: "Replaces the whole set. Provider Admins always reach every client (422 `admin_not_scoped`); ids that are not clients of the provider answer 422 `not_provider_clients`.",
        },
      }),
      route("/providers/{id}/users/{puId}/accept", () => import("@/app/api/v1/providers/[id]/users/[puId]/accept/route"), { POST: "Accept an invitation (the invited user)" }),
    ],
  },
  {
    tag: "API keys",
    description: "Keys for PSA/RMM automation. Managed by signed-in Provider Admins only.",
    routes: [
      route("/providers/{id}/api-keys", () => import("@/app/api/v1/providers/[id]/api-keys/route"), {
        GET: "List API keys",
        POST: created("Create an API key", "The answer's `secret` is the key. It is shown this once: only a hash is stored."),
      }),
      route("/providers/{id}/api-keys/{keyId}", () => import("@/app/api/v1/providers/[id]/api-keys/[keyId]/route"), { DELETE: "Revoke an API key (it stops working at once)" }),
    ],
  },
  {
    tag: "Organization",
    description: "A client organization's admin console. The managing provider's members act as owners, except for vault items.",
    routes: [
      route("/organizations/{orgId}", () => import("@/app/api/v1/organizations/[orgId]/route"), { GET: "The organization", PATCH: "Change its name or billing email" }),
      route("/organizations/{orgId}/billing", () => import("@/app/api/v1/organizations/[orgId]/billing/route"), { GET: "The organization's billing" }),
      route("/organizations/{orgId}/policies", () => import("@/app/api/v1/organizations/[orgId]/policies/route"), { GET: "Every policy with its settings" }),
      route(
        "/organizations/{orgId}/policies/{type}",
        () => import("@/app/api/v1/organizations/[orgId]/policies/[type]/route"),
        { PUT: "Turn a policy on or off and set its settings" },
        { type: z.enum(POLICY_TYPES) },
      ),
      route("/organizations/{orgId}/import", () => import("@/app/api/v1/organizations/[orgId]/import/route"), {
        POST: created(
          "Import a Bitwarden export",
          "The body is the file: `application/json` (Bitwarden unencrypted JSON export) or `text/csv`. `?preview=true` checks and counts without writing. With `Accept: application/x-ndjson` the answer streams progress lines.",
        ),
      }),
      route("/organizations/{orgId}/items", () => import("@/app/api/v1/organizations/[orgId]/items/route"), { GET: "Vault items (the organization's own members only)" }),
      route("/organizations/{orgId}/items/{itemId}", () => import("@/app/api/v1/organizations/[orgId]/items/[itemId]/route"), { GET: "A vault item (the organization's own members only)" }),
    ],
  },
  {
    tag: "Organization members",
    description: "Members of a client organization.",
    routes: [
      route("/organizations/{orgId}/members", () => import("@/app/api/v1/organizations/[orgId]/members/route"), {
        GET: "List members",
        POST: created("Invite members"),
        DELETE: "Remove members (bulk)",
      }),
      route("/organizations/{orgId}/members/confirm", () => import("@/app/api/v1/organizations/[orgId]/members/confirm/route"), { POST: "Confirm members (bulk)" }),
      route("/organizations/{orgId}/members/revoke", () => import("@/app/api/v1/organizations/[orgId]/members/revoke/route"), { POST: "Revoke members (bulk)" }),
      route("/organizations/{orgId}/members/restore", () => import("@/app/api/v1/organizations/[orgId]/members/restore/route"), { POST: "Restore members (bulk)" }),
      route("/organizations/{orgId}/members/reinvite", () => import("@/app/api/v1/organizations/[orgId]/members/reinvite/route"), { POST: "Re-send invitations (bulk)" }),
      route("/organizations/{orgId}/members/{mId}", () => import("@/app/api/v1/organizations/[orgId]/members/[mId]/route"), { PATCH: "Change a member's role", DELETE: "Remove a member" }),
      route("/organizations/{orgId}/members/{mId}/confirm", () => import("@/app/api/v1/organizations/[orgId]/members/[mId]/confirm/route"), { POST: "Confirm a member" }),
      route("/organizations/{orgId}/members/{mId}/revoke", () => import("@/app/api/v1/organizations/[orgId]/members/[mId]/revoke/route"), { POST: "Revoke a member" }),
      route("/organizations/{orgId}/members/{mId}/restore", () => import("@/app/api/v1/organizations/[orgId]/members/[mId]/restore/route"), { POST: "Restore a member" }),
      route("/organizations/{orgId}/members/{mId}/reinvite", () => import("@/app/api/v1/organizations/[orgId]/members/[mId]/reinvite/route"), { POST: "Re-send an invitation" }),
      route("/organizations/{orgId}/members/{mId}/accept", () => import("@/app/api/v1/organizations/[orgId]/members/[mId]/accept/route"), { POST: "Accept an invitation (the invited user)" }),
    ],
  },
  {
    tag: "Groups and collections",
    description: "Groups of members, and collections with their access lists.",
    routes: [
      route("/organizations/{orgId}/groups", () => import("@/app/api/v1/organizations/[orgId]/groups/route"), { GET: "List groups", POST: created("Create a group") }),
      route("/organizations/{orgId}/groups/{gId}", () => import("@/app/api/v1/organizations/[orgId]/groups/[gId]/route"), { GET: "A group", PATCH: "Change a group", DELETE: "Delete a group" }),
      route("/organizations/{orgId}/collections", () => import("@/app/api/v1/organizations/[orgId]/collections/route"), { GET: "List collections", POST: created("Create a collection") }),
      route("/organizations/{orgId}/collections/{cId}", () => import("@/app/api/v1/organizations/[orgId]/collections/[cId]/route"), {
        GET: "A collection with its access list",
        PATCH: "Change a collection or its access list",
        DELETE: "Delete a collection",
      }),
    ],
  },
  {
    tag: "Reports",
    description: "Cross-client reports for Provider Admins: seat utilisation, pending invitations, two-step login adoption, policy compliance.",
    routes: [
      route(
        "/providers/{id}/reports/{report}",
        () => import("@/app/api/v1/providers/[id]/reports/[report]/route"),
        {
          GET: {
            summary: "A cross-client report",
            description: "Keyset-paged and sortable (`sort` depends on the report). `&format=csv` streams the whole report as CSV.",
          },
        },
        { report: z.enum(REPORT_NAMES) },
      ),
    ],
  },
  {
    tag: "Event log",
    description: "Time-stamped, filterable, exportable and hash-chained logs of a provider and of an organization.",
    routes: [
      route("/providers/{id}/events", () => import("@/app/api/v1/providers/[id]/events/route"), {
        GET: {
          summary: "The provider's event log",
          description: "Newest first, keyset-paged. `&format=csv` streams the same filter as CSV.",
        },
      }),
      route("/providers/{id}/events/verify", () => import("@/app/api/v1/providers/[id]/events/verify/route"), { GET: "Walk the provider's hash chain and report the first broken link" }),
      route("/organizations/{orgId}/events", () => import("@/app/api/v1/organizations/[orgId]/events/route"), {
        GET: {
          summary: "The organization's event log",
          description: "Newest first, keyset-paged. `&format=csv` streams the same filter as CSV.",
        },
      }),
      route("/organizations/{orgId}/events/verify", () => import("@/app/api/v1/organizations/[orgId]/events/verify/route"), { GET: "Walk the organization's own hash chain" }),
    ],
  },
  {
    tag: "Developers",
    description: "This document.",
    routes: [route("/openapi.json", () => import("@/app/api/v1/openapi.json/route"), { GET: "The OpenAPI 3.1 document of this API" })],
  },
];
