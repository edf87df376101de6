// Realistic Bitwarden unencrypted exports, generated (deterministically) for import tests: folders or
// collections, logins with URIs, TOTP seeds, custom fields and password history, secure notes, cards
// and identities, in the shape Bitwarden's own export writes.
import { randomUUID } from "node:crypto";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SITES = ["github.com", "aws.amazon.com", "login.microsoftonline.com", "slack.com", "zoom.us", "salesforce.com", "dropbox.com", "atlassian.net", "bank.example", "payroll.example"];
const FOLDERS = ["Infrastructure", "Infrastructure/Servers", "Finance", "Social media", "Vendors", "HR", "Marketing", "Engineering/CI", "Support", "Legal"];

export interface GeneratedExport {
  json: string;
  /** Every secret value written into the file, to look for in the database afterwards. */
  secrets: string[];
  counts: { LOGIN: number; SECURE_NOTE: number; CARD: number; IDENTITY: number };
  folders: string[];
}

export function bitwardenExport(count: number, options: { organization?: boolean; seed?: number } = {}): GeneratedExport {
  const random = rng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const groups = FOLDERS.map((name) => ({ id: randomUUID(), name }));
  const secrets: string[] = [];
  const counts = { LOGIN: 0, SECURE_NOTE: 0, CARD: 0, IDENTITY: 0 };
  const items = Array.from({ length: count }, (_, i) => {
    const roll = random();
    const type = roll < 0.7 ? 1 : roll < 0.85 ? 2 : roll < 0.93 ? 3 : 4;
    const group = random() < 0.85 ? pick(groups) : null;
    const secret = `pw-${i}-${Math.floor(random() * 1e9).toString(36)}-Zq!`;
    const note = `Note ${i}: recovery phrase ${Math.floor(random() * 1e12).toString(36)}\nsecond line`;
    secrets.push(secret, note);
    const base = {
      passwordHistory: type === 1 && i % 5 === 0 ? [{ lastUsedDate: "2025-01-01T00:00:00.000Z", password: `old-${secret}` }] : null,
      revisionDate: "2026-01-02T03:04:05.000Z",
      creationDate: "2025-06-07T08:09:10.000Z",
      deletedDate: null,
      id: randomUUID(),
      organizationId: options.organization ? randomUUID() : null,
      folderId: options.organization ? null : (group?.id ?? null),
      type,
      reprompt: i % 17 === 0 ? 1 : 0,
      name: `${pick(SITES)} ${i}`,
      notes: i % 3 === 0 ? note : null,
      favorite: i % 11 === 0,
      fields: i % 4 === 0 ? [{ name: "PIN", value: `pin-${i}-${secret}`, type: 1, linkedId: null }, { name: "Department", value: "IT", type: 0, linkedId: null }] : [],
      collectionIds: options.organization ? (group ? [group.id] : []) : null,
    };
    if (base.fields.length) secrets.push(base.fields[0]!.value);
    if (type === 1) {
      counts.LOGIN++;
      const totp = i % 2 === 0 ? `JBSWY3DPEHPK${(i % 1000).toString().padStart(4, "0")}` : null;
      if (totp) secrets.push(totp);
      return {
        ...base,
        login: {
          fido2Credentials: [],
          uris: [{ match: null, uri: `https://${pick(SITES)}/login` }, { match: 0, uri: `https://alt.example/${i}` }],
          username: `user${i}@contoso.example`,
          password: secret,
          totp,
        },
      };
    }
    if (type === 2) {
      counts.SECURE_NOTE++;
      return { ...base, notes: note, secureNote: { type: 0 } };
    }
    if (type === 3) {
      counts.CARD++;
      const number = `4111${String(1e11 + i).slice(-12)}`;
      secrets.push(number);
      return { ...base, card: { cardholderName: `Holder ${i}`, brand: "Visa", number, expMonth: "12", expYear: "2030", code: String(100 + (i % 900)) } };
    }
    counts.IDENTITY++;
    const ssn = `123-45-${String(i).padStart(4, "0")}`;
    secrets.push(ssn);
    return {
      ...base,
      identity: {
        title: "Ms",
        firstName: `First${i}`,
        middleName: null,
        lastName: `Last${i}`,
        address1: `${i} Main Street`,
        address2: null,
        address3: null,
        city: "Springfield",
        state: "IL",
        postalCode: "62701",
        country: "US",
        company: "Contoso",
        email: `person${i}@contoso.example`,
        phone: "+1 555 0100",
        ssn,
        username: `person${i}`,
        passportNumber: `P${i}X`,
        licenseNumber: `L${i}Y`,
      },
    };
  });
  const file = options.organization
    ? { encrypted: false, collections: groups.map((g) => ({ id: g.id, organizationId: randomUUID(), name: g.name, externalId: null })), items }
    : { encrypted: false, folders: groups, items };
  return { json: JSON.stringify(file, null, 2), secrets, counts, folders: FOLDERS };
}
