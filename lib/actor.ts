// Who is acting and from where: passed explicitly to every service that changes data, so the event
// it writes names the actor as they were, the provider they act for, and the request's origin.
export interface Actor {
  userId: string;
  name: string;
  email: string;
  /** Set when a provider member acts inside a client organization of that provider. */
  actingProviderId?: string | null;
  /** Set when the call was authenticated by a provider API key acting for `userId` (its creator). */
  apiKey?: { id: string; prefix: string } | null;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface ActionContext {
  actor: Actor;
  meta: RequestMeta;
}

export const SYSTEM_META: RequestMeta = { ip: null, userAgent: "provider-portal/system" };
