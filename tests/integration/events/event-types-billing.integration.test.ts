// Billing (staff console): each event type written by its action (see event-type-cases.ts), and
// refusals that leave no event and no change behind.
import { describe } from "vitest";
import { BILLING_CASES, BILLING_REFUSALS } from "./cases/billing";
import { eventTypeCases, refusalCases } from "./event-type-cases";

describe("billing event types are recorded by the action that causes them", () => {
  eventTypeCases(BILLING_CASES);
});

describe("refused billing actions write no event and change nothing", () => {
  refusalCases(BILLING_REFUSALS);
});
