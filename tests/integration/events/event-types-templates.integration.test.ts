// Policy templates and bulk client actions: each event type written by its action (see
// event-type-cases.ts), and refusals that leave no event and no change behind.
import { describe } from "vitest";
import { TEMPLATE_CASES, TEMPLATE_REFUSALS } from "./cases/templates";
import { eventTypeCases, refusalCases } from "./event-type-cases";

describe("policy template and bulk client event types are recorded by the action that causes them", () => {
  eventTypeCases(TEMPLATE_CASES);
});

describe("refused template and bulk actions write no event and change nothing", () => {
  refusalCases(TEMPLATE_REFUSALS);
});
