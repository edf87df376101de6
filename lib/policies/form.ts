// Builds a policy's settings form from its zod schema (through zod's JSON Schema output), so each
// input's kind, bounds, options, label and hint come from the same schema the API validates with.
import { z } from "zod";
import type { PolicyType } from "@/lib/db/generated/enums";
import { policySchema } from "./definitions";

export type PolicyField =
  | { kind: "boolean"; key: string; label: string; hint?: string }
  | { kind: "integer"; key: string; label: string; hint?: string; min?: number; max?: number; nullable: boolean }
  | { kind: "choice"; key: string; label: string; hint?: string; options: { value: string; label: string }[] };

interface JsonSchemaProperty {
  type?: string;
  title?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  optionLabels?: Record<string, string>;
  anyOf?: JsonSchemaProperty[];
}

export function policyFormFields(type: PolicyType): PolicyField[] {
  const json = z.toJSONSchema(policySchema(type), { io: "input" }) as { properties?: Record<string, JsonSchemaProperty> };
  return Object.entries(json.properties ?? {}).map(([key, property]) => toField(key, property));
}

function toField(key: string, property: JsonSchemaProperty): PolicyField {
  const label = property.title ?? key;
  const hint = property.description;
  const variants = property.anyOf ?? [property];
  const nullable = variants.some((v) => v.type === "null");
  const value = variants.find((v) => v.type !== "null") ?? property;
  if (value.type === "boolean") return { kind: "boolean", key, label, hint };
  if (value.type === "integer") return { kind: "integer", key, label, hint, min: value.minimum, max: value.maximum, nullable };
  if (value.type === "string" && value.enum) {
    return { kind: "choice", key, label, hint, options: value.enum.map((v) => ({ value: v, label: property.optionLabels?.[v] ?? v })) };
  }
  // A schema kind without a form control is a programming error, caught by the policy form test.
  throw new Error(`Policy setting ${key} has no form control for ${JSON.stringify(value)}`);
}
