// A client's admin console (members, groups, collections, policies, import): each event type
// written by its action (see event-type-cases.ts), and refusals that leave no event and no change.
import { describe } from "vitest";
import { ORGANIZATION_CASES, ORGANIZATION_REFUSALS } from "./cases/organizations";
import { eventTypeCases, refusalCases } from "./event-type-cases";

describe("organization event types are recorded by the action that causes them", () => {
  eventTypeCases(ORGANIZATION_CASES);
});

describe("refused organization actions write no event and change nothing", () => {
  refusalCases(ORGANIZATION_REFUSALS);
});
