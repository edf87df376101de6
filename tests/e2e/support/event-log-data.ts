// Who and what the event log fixture (tests/e2e/fixtures/event-log.ts) creates, for the spec.
export const EVENT_LOG = {
  password: "Eventful-Log-Passphrase-31",
  admin: { email: "e2e-events-admin@example.test", name: "Erin Eventadmin" },
  serviceUser: { email: "e2e-events-tech@example.test", name: "Theo Tech" },
  provider: "Eventful IT",
  clients: ["Contoso Dental", "Contoso Legal", 'Fabrikam, "Quoted" Inc'],
  /** Events the fixture writes into the provider's log (newest first on the page). */
  eventCount: 130,
};
