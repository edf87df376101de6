// A provider's clients: each event type written by its action (see event-type-cases.ts), and
// refusals that leave no event and no change behind.
import { describe } from "vitest";
import { CLIENT_CASES, CLIENT_REFUSALS } from "./cases/clients";
import { eventTypeCases, refusalCases } from "./event-type-cases";

describe("client event types are recorded by the action that causes them", () => {
  eventTypeCases(CLIENT_CASES);
});

describe("refused client actions write no event and change nothing", () => {
  refusalCases(CLIENT_REFUSALS);
});
