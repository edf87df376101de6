// Everything the end-to-end specs need that the app cannot create through its own UI or API (or not
// quickly): written by scripts/e2e.ts before the server starts, handed to the specs as environment.
import { createApiKeysFixture } from "./api-keys-fixtures";
import { createBillingFixture } from "./billing-fixtures";
import { createClientsFixture } from "./clients-fixtures";

export async function createE2eFixtures(): Promise<Record<string, string>> {
  return { ...(await createClientsFixture()), ...(await createBillingFixture()), ...(await createApiKeysFixture()) };
}
