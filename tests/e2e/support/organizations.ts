// Setting the scene for organization console tests through the public API only: platform staff
// invite an MSP, its admin completes setup and creates a client organization (API.md "Staff",
// "Provider setup", "Provider"). The provider admin then administers the client like an owner.
import { expect, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { latestMail, PASSWORD, registerViaApi, STAFF, uniqueEmail } from "./app";

/** Signs a request context (and the pages of its browser context) in through next-auth's credentials endpoint. */
export async function signInViaApi(request: APIRequestContext, email: string, password = PASSWORD): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" } });
  expect(response.ok(), (await response.text()).slice(0, 300)).toBe(true);
  const me = await request.get("/api/v1/me");
  expect(me.status(), "signed in").toBe(200);
}

/** A browser context with a new account, signed in. */
export async function newAccount(browser: Browser, name: string, email = uniqueEmail(name.split(" ")[0]!.toLowerCase())): Promise<{ context: BrowserContext; email: string }> {
  const context = await browser.newContext();
  await registerViaApi(context.request, { name, email });
  await signInViaApi(context.request, email);
  return { context, email };
}

export async function clientOrganization(browser: Browser, client: { name: string; seats: number }) {
  const staff = await browser.newContext();
  await signInViaApi(staff.request, STAFF.email, STAFF.password);
  const adminEmail = uniqueEmail("msp-admin");
  const created = await staff.request.post("/api/v1/admin/providers", { data: { name: "Fabrikam MSP", ownerEmail: adminEmail } });
  expect(created.status(), (await created.text()).slice(0, 300)).toBe(201);
  const providerId = ((await created.json()) as { id: string }).id;
  const token = new URL((await latestMail(adminEmail)).links[0]!).searchParams.get("token")!;
  await staff.close();

  const admin = await newAccount(browser, "Maya Admin", adminEmail);
  const setup = await admin.context.request.post(`/api/v1/providers/${providerId}/setup`, { data: { token, name: "Fabrikam MSP", billingEmail: "billing@fabrikam.example" } });
  expect(setup.status(), (await setup.text()).slice(0, 300)).toBe(200);
  const org = await admin.context.request.post(`/api/v1/providers/${providerId}/clients`, {
    data: { name: client.name, billingEmail: "billing@client.example", plan: "TEAMS_MONTHLY", seats: client.seats, ownerEmail: uniqueEmail("client-owner") },
  });
  expect(org.status(), (await org.text()).slice(0, 300)).toBe(201);
  return { admin: admin.context, providerId, organizationId: ((await org.json()) as { id: string }).id };
}

/** The invited person accepts with the token from their invitation mail (API.md "Organizations"). */
export async function acceptOrganizationInvitation(request: APIRequestContext, inviteLink: string): Promise<void> {
  const url = new URL(inviteLink);
  const [, , , organizationId, memberId] = url.pathname.split("/");
  const response = await request.post(`/api/v1/organizations/${organizationId}/members/${memberId}/accept`, { data: { token: url.searchParams.get("token") } });
  expect(response.ok(), (await response.text()).slice(0, 300)).toBe(true);
}
