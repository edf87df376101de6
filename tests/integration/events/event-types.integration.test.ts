// One row per event type: the real action that causes it and the event it must leave behind (see
// event-type-cases.ts for what each row proves). The rows live in cases/*.ts by area and run in
// event-types-<area>.integration.test.ts; this file runs the account and event-log rows and keeps
// the whole table honest: every catalog type has exactly one row, except those no merged code
// records yet (NOT_YET_COVERED). When such an action lands, add its row and take it out here.
import { describe, expect, it } from "vitest";
import { ALL_EVENT_TYPES, type EventType } from "@/lib/events/catalog";
import { ACCOUNT_CASES, ACCOUNT_REFUSALS } from "./cases/accounts";
import { BILLING_CASES } from "./cases/billing";
import { CLIENT_CASES } from "./cases/clients";
import { ORGANIZATION_CASES } from "./cases/organizations";
import { PROVIDER_CASES } from "./cases/providers";
import { TEMPLATE_CASES } from "./cases/templates";
import { eventTypeCases, refusalCases } from "./event-type-cases";

const CASES = [...PROVIDER_CASES, ...CLIENT_CASES, ...ORGANIZATION_CASES, ...ACCOUNT_CASES, ...BILLING_CASES, ...TEMPLATE_CASES];

/** Catalog types no merged action records yet. */
const NOT_YET_COVERED: EventType[] = [];

describe("account and event-log event types are recorded by the action that causes them", () => {
  eventTypeCases(ACCOUNT_CASES);
});

describe("refused account actions write no event and change nothing", () => {
  refusalCases(ACCOUNT_REFUSALS);
});

describe("the event-type table", () => {
  it("has one row for every catalog type but the ones no action records yet", () => {
    const covered = CASES.map((c) => c.type);
    expect(new Set(covered).size, "one row per type").toBe(covered.length);
    expect(ALL_EVENT_TYPES.filter((t) => !covered.includes(t))).toEqual(NOT_YET_COVERED);
  });
});
