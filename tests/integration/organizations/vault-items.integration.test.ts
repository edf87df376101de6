// Reading vault items: only the organization's own members, only through collections they can
// reach (directly or via groups), secrets decrypted on the server and hidden for "except passwords"
// permissions; provider members are refused (PRODUCT.md rule 5).
import { describe, expect, it } from "vitest";
import * as items from "@/app/api/v1/organizations/[orgId]/items/route";
import * as itemRoute from "@/app/api/v1/organizations/[orgId]/items/[itemId]/route";
import { call } from "../support/http";
import { addCollection, addGroup, addItem, dump, grantCollection, memberOf, orgWorld, secretOf } from "./support";

const path = "/api/v1/organizations/x/items";
const PASSWORD = "Hunter2-Correct-Horse";
const TOTP = "JBSWY3DPEHPK3PXP";
const HIDDEN = "pin-8841";

async function world() {
  const w = await orgWorld();
  const vault = await addCollection(w.organization.id, "Servers");
  const item = await addItem(w.organization.id, {
    name: "Root on db01",
    collectionIds: [vault.id],
    secret: secretOf({
      notes: "rotate quarterly",
      fields: [
        { name: "PIN", value: HIDDEN, type: "hidden" },
        { name: "Rack", value: "B4", type: "text" },
      ],
      login: { username: "root", password: PASSWORD, totp: TOTP, uris: [{ uri: "ssh://db01", match: null }] },
      passwordHistory: [{ password: "old-pass", lastUsedDate: null }],
    }),
  });
  const card = await addItem(w.organization.id, {
    name: "Company card",
    type: "CARD",
    collectionIds: [vault.id],
    secret: secretOf({ card: { cardholderName: "Contoso", brand: "Visa", number: "4111111111111111", expMonth: "1", expYear: "2031", code: "123" } }),
  });
  const unassigned = await addItem(w.organization.id, { name: "Loose note", type: "SECURE_NOTE", collectionIds: [], secret: secretOf({ notes: "no collection" }) });
  return { ...w, vault, secretItem: item, card, unassigned };
}

describe("vault items", () => {
  it("owners and admins see every item, secrets decrypted", async () => {
    const w = await world();
    for (const as of [w.owner, w.admin.user]) {
      const res = await call(items.GET, "GET", path, { as, params: { orgId: w.organization.id } });
      expect(res.status).toBe(200);
      expect(res.body.data.map((i: any) => i.name)).toEqual(["Bank portal", "Company card", "Loose note", "Root on db01"]);
      const root = res.body.data.find((i: any) => i.name === "Root on db01");
      expect(root).toMatchObject({ permission: "MANAGE", secretsHidden: false, collectionIds: [w.vault.id] });
      expect(root.data.login).toMatchObject({ password: PASSWORD, totp: TOTP });
      expect(root.data.fields[0].value).toBe(HIDDEN);
    }
  });

  it("users see only items in collections they reach, with the permission that applies", async () => {
    const w = await world();
    const res = await call(items.GET, "GET", path, { as: w.user.user, params: { orgId: w.organization.id } });
    expect(res.body.data.map((i: any) => i.name)).toEqual(["Bank portal"]);
    expect(res.body.data[0]).toMatchObject({ permission: "VIEW", secretsHidden: false, data: { login: { password: "S3cret-Bank-Pass!" } } });
    const hidden = await call(itemRoute.GET, "GET", path, { as: w.user.user, params: { orgId: w.organization.id, itemId: w.secretItem.id } });
    expect(hidden.status).toBe(404);
    const unassigned = await call(itemRoute.GET, "GET", path, { as: w.user.user, params: { orgId: w.organization.id, itemId: w.unassigned.id } });
    expect(unassigned.status).toBe(404);
  });

  it("hides passwords, TOTP, hidden fields, history and card numbers on the server for VIEW_EXCEPT_PASSWORDS", async () => {
    const w = await world();
    await grantCollection(w.vault.id, { memberId: w.user.member.id }, "VIEW_EXCEPT_PASSWORDS");
    const res = await call(items.GET, "GET", path, { as: w.user.user, params: { orgId: w.organization.id }, query: { collectionId: w.vault.id } });
    expect(res.body.data.map((i: any) => i.name)).toEqual(["Company card", "Root on db01"]);
    const root = res.body.data.find((i: any) => i.name === "Root on db01");
    expect(root).toMatchObject({ permission: "VIEW_EXCEPT_PASSWORDS", secretsHidden: true });
    expect(root.data).toMatchObject({
      notes: "rotate quarterly",
      login: { username: "root", password: null, totp: null, uris: [{ uri: "ssh://db01", match: null }] },
      fields: [
        { name: "PIN", value: null, type: "hidden" },
        { name: "Rack", value: "B4", type: "text" },
      ],
      passwordHistory: [],
    });
    const card = res.body.data.find((i: any) => i.name === "Company card");
    expect(card.data.card).toMatchObject({ cardholderName: "Contoso", number: null, code: null });
    const single = await call(itemRoute.GET, "GET", path, { as: w.user.user, params: { orgId: w.organization.id, itemId: w.secretItem.id } });
    for (const body of [res.text, single.text]) {
      for (const secret of [PASSWORD, TOTP, HIDDEN, "old-pass", "4111111111111111"]) expect(body).not.toContain(secret);
    }
  });

  it("combines direct and group grants: editing from one, seeing passwords from another", async () => {
    const w = await world();
    const member = await memberOf(w.organization.id, "USER", "CONFIRMED", "Gus Group");
    await grantCollection(w.vault.id, { memberId: member.member.id }, "EDIT_EXCEPT_PASSWORDS");
    const group = await addGroup(w.organization.id, "Ops", [member.member.id]);
    const asMember = () => call(itemRoute.GET, "GET", path, { as: member.user, params: { orgId: w.organization.id, itemId: w.secretItem.id } });
    expect((await asMember()).body).toMatchObject({ permission: "EDIT_EXCEPT_PASSWORDS", secretsHidden: true });
    await grantCollection(w.vault.id, { groupId: group.id }, "VIEW");
    const combined = (await asMember()).body;
    expect(combined).toMatchObject({ permission: "EDIT", secretsHidden: false });
    expect(combined.data.login.password).toBe(PASSWORD);
    const other = await addCollection(w.organization.id, "Also servers");
    await addItem(w.organization.id, { name: "Via group only", collectionIds: [other.id], secret: secretOf({ login: { username: "g", password: "group-pass", totp: null, uris: [] } }) });
    await grantCollection(other.id, { groupId: group.id }, "MANAGE");
    const list = await call(items.GET, "GET", path, { as: member.user, params: { orgId: w.organization.id }, query: { q: "group" } });
    expect(list.body.data).toEqual([expect.objectContaining({ name: "Via group only", permission: "MANAGE", data: expect.objectContaining({ login: expect.objectContaining({ password: "group-pass" }) }) })]);
  });

  it("refuses provider members (403) on the list and on single items, without revealing anything", async () => {
    const w = await world();
    for (const as of [w.providerAdmin, w.serviceUser]) {
      for (const res of [
        await call(items.GET, "GET", path, { as, params: { orgId: w.organization.id } }),
        await call(itemRoute.GET, "GET", path, { as, params: { orgId: w.organization.id, itemId: w.secretItem.id } }),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.error.message).toBe("Provider members cannot view a client organization's credentials.");
        expect(res.text).not.toContain("Root on db01");
      }
    }
  });

  it("lets a provider member who is also the organization's own member read as that member", async () => {
    const w = await world();
    const both = await memberOf(w.organization.id, "USER", "CONFIRMED", "Dual Role");
    const { addProviderUser } = await import("../support/factories");
    await addProviderUser(w.provider.id, both.user, "SERVICE_USER", "CONFIRMED");
    const res = await call(items.GET, "GET", path, { as: both.user, params: { orgId: w.organization.id } });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });

  it("pages by keyset and searches by name", async () => {
    const w = await world();
    for (let i = 0; i < 12; i++) await addItem(w.organization.id, { name: `Item ${String(i).padStart(2, "0")}`, collectionIds: [w.vault.id], secret: secretOf() });
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await call(items.GET, "GET", path, { as: w.owner, params: { orgId: w.organization.id }, query: { limit: "5", ...(cursor ? { cursor } : {}) } });
      names.push(...res.body.data.map((i: any) => i.name));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toHaveLength(16);
    expect(new Set(names).size).toBe(16);
    const search = await call(items.GET, "GET", path, { as: w.owner, params: { orgId: w.organization.id }, query: { q: "item 1", type: "LOGIN" } });
    expect(search.body.data.map((i: any) => i.name)).toEqual(["Item 10", "Item 11"]);
    expect(dump(search.body)).not.toContain(PASSWORD);
  });
});
