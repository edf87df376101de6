// An organization's policies. Each organization's policies are its own rows (PRODUCT.md rule 10):
// anything that configures many organizations (policy templates) calls writePolicy once per
// organization, and every write that changes something is logged with before/after settings.
import type { ActionContext } from "@/lib/actor";
import { db, type Tx } from "@/lib/db/client";
import type { PolicyType } from "@/lib/db/generated/enums";
import { transaction } from "@/lib/db/transaction";
import { badRequest, unprocessable } from "@/lib/errors";
import { zodFields } from "@/lib/api/handler";
import { recordEvent } from "@/lib/events/recorder";
import { defaultSettings, POLICY_DEFINITIONS, POLICY_REQUIRES, POLICY_TYPES, policySchema, type PolicySettings } from "@/lib/policies/definitions";
import { lockOrganization } from "@/lib/services/organizations/lock-organization";
import { revokeMembersWithoutTwoFactor } from "./two-factor-policy";

export interface PolicyView {
  type: PolicyType;
  label: string;
  description: string;
  enabled: boolean;
  settings: PolicySettings;
  /** False while the organization has never saved this policy (the settings shown are the defaults). */
  configured: boolean;
  updatedAt: Date | null;
}

function readSettings(type: PolicyType, stored: unknown): PolicySettings {
  const parsed = policySchema(type).safeParse(stored ?? {});
  return parsed.success ? parsed.data : defaultSettings(type);
}

export async function listPolicies(organizationId: string): Promise<PolicyView[]> {
  const rows = await db.policy.findMany({ where: { organizationId }, select: { type: true, enabled: true, settings: true, updatedAt: true } });
  const byType = new Map(rows.map((r) => [r.type, r]));
  return POLICY_TYPES.map((type) => {
    const row = byType.get(type);
    return {
      type,
      label: POLICY_DEFINITIONS[type].label,
      description: POLICY_DEFINITIONS[type].description,
      enabled: row?.enabled ?? false,
      settings: readSettings(type, row?.settings),
      configured: Boolean(row),
      updatedAt: row?.updatedAt ?? null,
    };
  });
}

/** Validates settings against the type's schema: 400 with `settings.<key>` fields when they do not fit. */
export function parsePolicySettings(type: PolicyType, settings: unknown): PolicySettings {
  const parsed = policySchema(type).safeParse(settings ?? {});
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(Object.entries(zodFields(parsed.error)).map(([k, v]) => [k === "_" ? "settings" : `settings.${k}`, v]));
  throw badRequest(`The settings for ${POLICY_DEFINITIONS[type].label} are not valid.`, fields);
}

export interface WritePolicyInput {
  organizationId: string;
  type: PolicyType;
  enabled: boolean;
  settings: PolicySettings;
}

export interface PolicyWrite {
  changed: boolean;
  /** Members revoked because the write turned on a policy they do not comply with (two-step login). */
  revokedMembers: { id: string; email: string }[];
}

/**
 * Writes one organization's policy inside the caller's transaction (which must hold the
 * organization lock), refusing combinations that depend on another policy, and enforcing the
 * policy on existing members where it can be (lib/services/policies/two-factor-policy.ts): every
 * caller, policy templates included, gets the enforcement, its events, and its mails (sent after
 * the caller's transaction commits). No event when nothing changed.
 */
export async function writePolicy(tx: Tx, input: WritePolicyInput, ctx: ActionContext): Promise<PolicyWrite> {
  const current = await tx.policy.findMany({ where: { organizationId: input.organizationId }, select: { id: true, type: true, enabled: true, settings: true } });
  const enabled = (type: PolicyType) => current.find((p) => p.type === type)?.enabled ?? false;
  const required = POLICY_REQUIRES[input.type];
  if (input.enabled && required && !enabled(required)) {
    throw unprocessable(
      `${POLICY_DEFINITIONS[input.type].label} requires the ${POLICY_DEFINITIONS[required].label} policy. Turn that on first.`,
      "policy_dependency",
    );
  }
  if (!input.enabled) {
    const dependent = POLICY_TYPES.find((t) => POLICY_REQUIRES[t] === input.type && enabled(t));
    if (dependent) {
      throw unprocessable(
        `${POLICY_DEFINITIONS[input.type].label} cannot be turned off while ${POLICY_DEFINITIONS[dependent].label} is on. Turn that off first.`,
        "policy_dependency",
      );
    }
  }
  const existing = current.find((p) => p.type === input.type);
  const before = { enabled: existing?.enabled ?? false, settings: readSettings(input.type, existing?.settings) };
  const after = { enabled: input.enabled, settings: input.settings };
  if (existing && JSON.stringify(before) === JSON.stringify(after)) return { changed: false, revokedMembers: [] };
  const policy = await tx.policy.upsert({
    where: { organizationId_type: { organizationId: input.organizationId, type: input.type } },
    create: { organizationId: input.organizationId, type: input.type, enabled: input.enabled, settings: input.settings as object },
    update: { enabled: input.enabled, settings: input.settings as object },
    select: { id: true },
  });
  await recordEvent(tx, {
    type: "POLICY_UPDATED",
    actor: ctx.actor,
    meta: ctx.meta,
    organizationId: input.organizationId,
    target: { type: "POLICY", id: policy.id, name: input.type },
    details: { before, after },
  });
  const turnedOn = input.enabled && !before.enabled;
  const revokedMembers = turnedOn && input.type === "TWO_FACTOR_AUTHENTICATION" ? await revokeMembersWithoutTwoFactor(tx, input.organizationId, ctx) : [];
  return { changed: true, revokedMembers };
}

export async function updatePolicy(
  input: { organizationId: string; type: PolicyType; enabled: boolean; settings: unknown },
  ctx: ActionContext,
): Promise<PolicyView & Pick<PolicyWrite, "revokedMembers">> {
  const settings = parsePolicySettings(input.type, input.settings);
  const { revokedMembers } = await transaction(async (tx) => {
    await lockOrganization(tx, input.organizationId);
    return writePolicy(tx, { organizationId: input.organizationId, type: input.type, enabled: input.enabled, settings }, ctx);
  });
  const view = (await listPolicies(input.organizationId)).find((p) => p.type === input.type);
  return { ...view!, revokedMembers };
}
