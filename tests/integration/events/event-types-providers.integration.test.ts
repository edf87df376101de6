// Provider onboarding, settings and people: each event type written by its action (see
// event-type-cases.ts), and refusals that leave no event and no change behind.
import { describe } from "vitest";
import { PROVIDER_CASES, PROVIDER_REFUSALS } from "./cases/providers";
import { eventTypeCases, refusalCases } from "./event-type-cases";

describe("provider event types are recorded by the action that causes them", () => {
  eventTypeCases(PROVIDER_CASES);
});

describe("refused provider actions write no event and change nothing", () => {
  refusalCases(PROVIDER_REFUSALS);
});
