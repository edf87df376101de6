import { describe, expect, it } from "vitest";
import { canonicalJson, chainScopeFor, eventHash, GENESIS_HASH, type ChainedFields } from "./chain";

const base: ChainedFields = {
  chainScope: "provider:p",
  seq: 1n,
  occurredAt: "2026-11-22T10:00:00.123456Z",
  type: "PROVIDER_UPDATED",
  providerId: "p",
  actingProviderId: null,
  organizationId: null,
  actorUserId: "u",
  actorName: "Alice",
  actorEmail: "alice@x.test",
  targetType: null,
  targetId: null,
  targetName: null,
  ip: "192.0.2.1",
  userAgent: "ua",
  details: { b: 2, a: 1 },
};

describe("canonicalJson", () => {
  it("sorts keys at every level and drops undefined, so equal values serialize identically", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson(null)).toBe("null");
  });
});

describe("eventHash", () => {
  it("changes when any field or the previous hash changes", () => {
    const original = eventHash(GENESIS_HASH, base);
    expect(original).toHaveLength(32);
    expect(eventHash(GENESIS_HASH, { ...base, details: { a: 1, b: 2 } }).equals(original)).toBe(true);
    const variants: Partial<ChainedFields>[] = [
      { seq: 2n },
      { occurredAt: "2026-11-22T10:00:00.123457Z" },
      { type: "PROVIDER_DISABLED" },
      { actorEmail: "mallory@x.test" },
      { targetName: "x" },
      { ip: "192.0.2.2" },
      { details: { a: 1, b: 3 } },
    ];
    for (const change of variants) expect(eventHash(GENESIS_HASH, { ...base, ...change }).equals(original)).toBe(false);
    expect(eventHash(Buffer.alloc(32, 1), base).equals(original)).toBe(false);
  });
});

describe("chainScopeFor", () => {
  it("uses the provider, else the organization, else the user, else the platform", () => {
    expect(chainScopeFor({ providerId: "p", organizationId: "o", actorUserId: "u" })).toBe("provider:p");
    expect(chainScopeFor({ organizationId: "o", actorUserId: "u" })).toBe("organization:o");
    expect(chainScopeFor({ actorUserId: "u" })).toBe("user:u");
    expect(chainScopeFor({})).toBe("platform");
  });
});
