import { describe, expect, it } from "vitest";
import { defaultSettings, POLICY_DEFINITIONS, POLICY_TYPES, policySchema } from "./definitions";
import { policyFormFields } from "./form";

describe("policy settings forms", () => {
  it("are generated from each policy's schema: one control per setting, nothing else", () => {
    for (const type of POLICY_TYPES) {
      const fields = policyFormFields(type);
      expect(fields.map((f) => f.key).sort(), type).toEqual(Object.keys(defaultSettings(type)).sort());
      for (const field of fields) expect(field.label, `${type}.${field.key}`).not.toBe(field.key);
    }
  });

  it("carry the schema's bounds, options and nullability", () => {
    const master = policyFormFields("MASTER_PASSWORD");
    expect(master.find((f) => f.key === "minLength")).toEqual({ kind: "integer", key: "minLength", label: "Minimum length", hint: "12 to 128 characters.", min: 12, max: 128, nullable: false });
    expect(master.find((f) => f.key === "minComplexity")).toMatchObject({ kind: "integer", min: 0, max: 4, nullable: true });
    expect(policyFormFields("VAULT_TIMEOUT").find((f) => f.key === "action")).toMatchObject({
      kind: "choice",
      options: [
        { value: "userPreference", label: "Member's choice" },
        { value: "lock", label: "Lock" },
        { value: "logOut", label: "Log out" },
      ],
    });
    expect(policyFormFields("TWO_FACTOR_AUTHENTICATION")).toEqual([]);
  });

  it("accept the settings the demo seed stores", () => {
    expect(policySchema("MASTER_PASSWORD").safeParse({ minLength: 14, minComplexity: 3, requireUpper: true, requireLower: true, requireNumbers: true, requireSpecial: false }).success).toBe(true);
    expect(policySchema("VAULT_TIMEOUT").safeParse({ maxMinutes: 30, action: "logOut" }).success).toBe(true);
  });

  it("describe every policy type of the schema", () => {
    for (const type of POLICY_TYPES) expect(POLICY_DEFINITIONS[type].description.length, type).toBeGreaterThan(20);
  });
});
