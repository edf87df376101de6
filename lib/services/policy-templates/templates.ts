// Policy templates: a provider's named set of policies ({type, enabled, settings} per type it
// manages) to apply to many clients. Provider Admins only. Settings are validated by each policy
// type's own schema (lib/policies/definitions.ts) and stored with their defaults filled in, so the
// stored template compares exactly with what writePolicy stores in an organization (drift).
import type { ActionContext } from "@/lib/actor";
import { zodFields } from "@/lib/api/handler";
import { db, type Tx } from "@/lib/db/client";
import type { PolicyType } from "@/lib/db/generated/enums";
import { transaction } from "@/lib/db/transaction";
import { badRequest, conflict, notFound, unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { POLICY_DEFINITIONS, POLICY_REQUIRES, POLICY_TYPES, policySchema, type PolicySettings } from "@/lib/policies/definitions";
import type { CreateTemplateInput, UpdateTemplateInput } from "./schemas";

export interface TemplatePolicy {
  type: PolicyType;
  enabled: boolean;
  settings: PolicySettings;
}

export interface PolicyTemplateView {
  id: string;
  name: string;
  policies: TemplatePolicy[];
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = { id: true, name: true, policies: true, createdAt: true, updatedAt: true } as const;

function toView(row: { id: string; name: string; policies: unknown; createdAt: Date; updatedAt: Date }): PolicyTemplateView {
  return { ...row, policies: readPolicies(row.policies) };
}

/** The stored JSON as template policies (anything unreadable is dropped: the template was validated when saved). */
export function readPolicies(stored: unknown): TemplatePolicy[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((p): TemplatePolicy[] => {
    const type = (p as { type?: unknown })?.type;
    if (typeof type !== "string" || !POLICY_TYPES.includes(type as PolicyType)) return [];
    const settings = policySchema(type as PolicyType).safeParse((p as { settings?: unknown }).settings ?? {});
    return settings.success ? [{ type: type as PolicyType, enabled: (p as { enabled?: unknown }).enabled === true, settings: settings.data }] : [];
  });
}

/**
 * Checks a template's policies: each type once, settings that fit the type's schema, and no policy
 * turned on while the template turns off what it requires. Invalid settings are invalid input (400,
 * as the organization's policy route answers), a missing requirement a rule (422); both name the
 * field (`policies.<i>.settings.<key>`). The result is in catalog order with defaults filled in.
 */
export function validateTemplatePolicies(input: CreateTemplateInput["policies"]): TemplatePolicy[] {
  const fields: Record<string, string> = {};
  const seen = new Map<PolicyType, number>();
  const policies: TemplatePolicy[] = [];
  input.forEach((p, i) => {
    if (seen.has(p.type)) {
      fields[`policies.${i}.type`] = `${POLICY_DEFINITIONS[p.type].label} is already in the template.`;
      return;
    }
    seen.set(p.type, i);
    const parsed = policySchema(p.type).safeParse(p.settings ?? {});
    if (!parsed.success) {
      for (const [key, message] of Object.entries(zodFields(parsed.error))) fields[key === "_" ? `policies.${i}.settings` : `policies.${i}.settings.${key}`] = message;
      return;
    }
    policies.push({ type: p.type, enabled: p.enabled, settings: parsed.data });
  });
  if (Object.keys(fields).length) throw badRequest("Some policies in the template are not valid.", fields, "invalid_template");
  for (const p of policies) {
    const required = POLICY_REQUIRES[p.type];
    const requirement = required && policies.find((q) => q.type === required);
    if (p.enabled && requirement && !requirement.enabled) {
      throw unprocessable(
        `${POLICY_DEFINITIONS[p.type].label} requires ${POLICY_DEFINITIONS[required].label}, which the template turns off.`,
        "policy_dependency",
        { [`policies.${seen.get(p.type)}.enabled`]: `Turn on ${POLICY_DEFINITIONS[required].label} in the template too, or leave it out.` },
      );
    }
  }
  return policies.sort((a, b) => POLICY_TYPES.indexOf(a.type) - POLICY_TYPES.indexOf(b.type));
}

export async function listTemplates(providerId: string): Promise<PolicyTemplateView[]> {
  const rows = await db.policyTemplate.findMany({ where: { providerId }, select: SELECT, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map(toView);
}

/** The template, or 404 when it does not exist or belongs to another provider. */
export async function getTemplate(providerId: string, templateId: string, tx: Tx = db as unknown as Tx): Promise<PolicyTemplateView> {
  const row = await tx.policyTemplate.findFirst({ where: { id: templateId, providerId }, select: SELECT });
  if (!row) throw notFound("policy template");
  return toView(row);
}

async function refuseTakenName(tx: Tx, providerId: string, name: string, exceptId?: string): Promise<void> {
  const taken = await tx.policyTemplate.findFirst({ where: { providerId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw conflict(`A template named “${name}” already exists.`, "template_name_taken");
}

const target = (t: { id: string; name: string }) => ({ type: "POLICY_TEMPLATE" as const, id: t.id, name: t.name });

export async function createTemplate(providerId: string, input: CreateTemplateInput, { actor, meta }: ActionContext): Promise<PolicyTemplateView> {
  const policies = validateTemplatePolicies(input.policies);
  return transaction(async (tx) => {
    await refuseTakenName(tx, providerId, input.name);
    const row = await tx.policyTemplate.create({ data: { providerId, name: input.name, policies: policies as object[] }, select: SELECT });
    await recordEvent(tx, {
      type: "POLICY_TEMPLATE_CREATED",
      actor,
      meta,
      providerId,
      target: target(row),
      details: { policies: policies.map((p) => ({ type: p.type, enabled: p.enabled })) },
    });
    return toView(row);
  });
}

export async function updateTemplate(providerId: string, templateId: string, input: UpdateTemplateInput, { actor, meta }: ActionContext): Promise<PolicyTemplateView> {
  const policies = input.policies ? validateTemplatePolicies(input.policies) : undefined;
  return transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM policy_templates WHERE id = ${templateId}::uuid AND provider_id = ${providerId}::uuid FOR UPDATE`;
    if (!locked) throw notFound("policy template");
    const current = await getTemplate(providerId, templateId, tx);
    const name = input.name ?? current.name;
    const changed: string[] = [];
    if (name !== current.name) changed.push("name");
    if (policies && JSON.stringify(policies) !== JSON.stringify(current.policies)) changed.push("policies");
    if (changed.length === 0) return current;
    if (changed.includes("name")) await refuseTakenName(tx, providerId, name, templateId);
    const row = await tx.policyTemplate.update({ where: { id: templateId }, data: { name, ...(policies ? { policies: policies as object[] } : {}) }, select: SELECT });
    const summary = (t: { name: string; policies: TemplatePolicy[] }) => ({
      ...(changed.includes("name") ? { name: t.name } : {}),
      ...(changed.includes("policies") ? { policies: t.policies } : {}),
    });
    await recordEvent(tx, {
      type: "POLICY_TEMPLATE_UPDATED",
      actor,
      meta,
      providerId,
      target: target(row),
      details: { changed, before: summary(current), after: summary({ name, policies: policies ?? current.policies }) },
    });
    return toView(row);
  });
}

/** Deleting a template changes no client: their policies are their own rows. */
export async function deleteTemplate(providerId: string, templateId: string, { actor, meta }: ActionContext): Promise<{ id: string }> {
  return transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; name: string }[]>`
      DELETE FROM policy_templates WHERE id = ${templateId}::uuid AND provider_id = ${providerId}::uuid RETURNING id::text AS id, name`;
    if (!row) throw notFound("policy template");
    await recordEvent(tx, { type: "POLICY_TEMPLATE_DELETED", actor, meta, providerId, target: target(row), details: {} });
    return { id: row.id };
  });
}
