// Authenticates a request by provider API key (`Authorization: Bearer pp_…`). The key acts for the
// member who created it, with its own role capped by that member's current one (see
// lib/services/api-keys/standing.ts); what it may reach is decided by lib/authz/api-key-access.ts.
import type { Actor } from "@/lib/actor";
import type { SessionUser } from "@/lib/auth/session";
import { hashApiKey, isApiKeyShaped } from "@/lib/crypto/api-keys";
import { db } from "@/lib/db/client";
import type { ProviderUserRole, ProviderUserStatus } from "@/lib/db/generated/enums";
import { env } from "@/lib/env";
import { AppError, forbidden } from "@/lib/errors";
import { consume, limiter } from "@/lib/rate-limit";
import { apiKeyStanding, standingMessage } from "@/lib/services/api-keys/standing";

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  prefix: string;
  role: ProviderUserRole;
  provider: { id: string; name: string; status: "PENDING" | "ACTIVE"; enabled: boolean; require2fa: boolean };
  creator: { userId: string; name: string; email: string };
  /** The creator's membership the key acts through (confirmed, holding at least the key's role). */
  membership: { id: string; role: ProviderUserRole; status: ProviderUserStatus; clientScoped: boolean };
}

/** `last_used_at` is written at most once per this interval per key, not on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const STANDING_CODE = {
  provider_disabled: "provider_disabled",
  creator_removed: "api_key_creator_removed",
  creator_lacks_role: "api_key_creator_lacks_role",
} as const;

/**
 * The token of an `Authorization: Bearer` header, "" for a Bearer header without one, or null when
 * there is none. Other schemes (Basic from a protecting reverse proxy) are not ours and are ignored.
 */
export function bearerToken(headers: Headers): string | null {
  const match = /^bearer(?:\s+(.*))?$/i.exec(headers.get("authorization")?.trim() ?? "");
  return match ? (match[1] ?? "").trim() : null;
}

function invalidKey(code: string, message: string): AppError {
  return new AppError(401, code, message, undefined, { "WWW-Authenticate": `Bearer error="invalid_token"` });
}

const keyLimiter = () => {
  const e = env();
  return limiter("api-key", { points: e.API_KEY_RATE_LIMIT, duration: e.API_KEY_RATE_WINDOW_SECONDS });
};

/**
 * The key behind a bearer token: 401 when unknown or revoked, 429 over its rate limit, 403 when it
 * exists but cannot act (provider disabled, creator removed or without the key's role).
 */
export async function authenticateApiKey(token: string): Promise<ApiKeyPrincipal> {
  if (!isApiKeyShaped(token)) throw invalidKey("invalid_api_key", "The API key is not valid. Send it as: Authorization: Bearer pp_…");
  const key = await db.providerApiKey.findUnique({
    where: { keyHash: hashApiKey(token) },
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      revokedAt: true,
      lastUsedAt: true,
      createdById: true,
      provider: { select: { id: true, name: true, status: true, enabled: true, require2fa: true } },
      createdBy: { select: { id: true, name: true, email: true } },
      createdByMembership: { select: { id: true, userId: true, role: true, status: true, clientScoped: true } },
    },
  });
  if (!key) throw invalidKey("invalid_api_key", "The API key is not valid. It may have been mistyped or deleted.");
  const standing = apiKeyStanding({ ...key, membership: key.createdByMembership });
  if (standing === "revoked") throw invalidKey("api_key_revoked", standingMessage(standing, key.role));
  await consume(keyLimiter(), key.id, "Too many requests with this API key.");
  const { createdBy: creator, createdByMembership: membership } = key;
  if (standing !== "active" || !creator || !membership) {
    const reason = standing === "active" ? "creator_removed" : standing;
    throw forbidden(standingMessage(reason, key.role), STANDING_CODE[reason]);
  }
  await touchLastUsed(key.id, key.lastUsedAt);
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    role: key.role,
    provider: key.provider,
    creator: { userId: creator.id, name: creator.name, email: creator.email },
    membership: { id: membership.id, role: membership.role, status: membership.status, clientScoped: membership.clientScoped },
  };
}

/** Records use at minute resolution; the condition makes concurrent requests write once. */
async function touchLastUsed(id: string, lastUsedAt: Date | null): Promise<void> {
  const now = Date.now();
  if (lastUsedAt && now - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  await db.providerApiKey.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_RESOLUTION_MS) } }] },
    data: { lastUsedAt: new Date(now) },
  });
}

/**
 * The user a key-authenticated request runs as: its creator, never with staff rights. Keys involve no
 * sign-in, so sign-in policies (two-step login, password change) do not apply to them; a key's
 * rights are bounded by its role and its creator's membership instead.
 */
export function apiKeyUser(key: ApiKeyPrincipal): SessionUser {
  return { id: key.creator.userId, name: key.creator.name, email: key.creator.email, isStaff: false, totpEnabled: false, passwordChangeRequired: false };
}

/** Events of key-authenticated calls name the key and its creator, and carry the key's id. */
export function apiKeyActor(actor: Actor, key: ApiKeyPrincipal): Actor {
  return { ...actor, name: `API key “${key.name}” (created by ${key.creator.name})`, apiKey: { id: key.id, prefix: key.prefix } };
}
