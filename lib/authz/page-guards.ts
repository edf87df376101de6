// The same authorization as the API, for server-rendered pages: not signed in → the sign-in page
// (coming back afterwards), unknown or other-tenant id → 404, not allowed → 403 (app/forbidden.tsx).
// Pages must call these themselves: Next.js renders layouts and pages in parallel. A user who must
// change their password first (an organization's password rules at sign-in) is sent to the account
// page by every tenant guard, as the API refuses them (lib/api/handler.ts).
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import {
  organizationAccess as resolveOrganizationAccess,
  platformAccess,
  providerAccess as resolveProviderAccess,
  requirePermission,
  type OrganizationAccess,
  type PlatformAccess,
  type ProviderAccess,
} from "./context";
import type { Permission } from "./permissions";

/**
 * The tenant resolvers, read once per request: a section's layout and its page resolve the same
 * access in parallel (the `user` is the same object, see currentUser).
 */
export const providerAccess = cache(resolveProviderAccess);
export const organizationAccess = cache(resolveOrganizationAccess);

export async function signInUrl(): Promise<string> {
  const here = (await headers()).get("x-pathname") ?? "/";
  return `/sign-in?callbackUrl=${encodeURIComponent(here)}`;
}

export async function requirePageUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(await signInUrl());
  return user;
}

/** The signed-in user, sent to change their password first when an organization requires it. */
async function requireTenantPageUser(): Promise<SessionUser> {
  const user = await requirePageUser();
  if (user.passwordChangeRequired) redirect("/account?passwordChange=required");
  return user;
}

function interrupt(error: unknown): never {
  if (error instanceof AppError) {
    if (error.status === 404) notFound();
    if (error.status === 403) forbidden();
  }
  throw error;
}

export async function staffPage(permission: Permission = "platform.providers.read"): Promise<{ user: SessionUser; access: PlatformAccess }> {
  const user = await requireTenantPageUser();
  const access = platformAccess(user);
  try {
    requirePermission(access, permission);
  } catch (error) {
    interrupt(error);
  }
  return { user, access };
}

export async function providerPage(providerId: string, permission: Permission): Promise<{ user: SessionUser; access: ProviderAccess }> {
  const user = await requireTenantPageUser();
  try {
    const access = await providerAccess(user, providerId);
    requirePermission(access, permission);
    return { user, access };
  } catch (error) {
    interrupt(error);
  }
}

export async function organizationPage(organizationId: string, permission: Permission): Promise<{ user: SessionUser; access: OrganizationAccess }> {
  const user = await requireTenantPageUser();
  try {
    const access = await organizationAccess(user, organizationId);
    requirePermission(access, permission);
    return { user, access };
  } catch (error) {
    interrupt(error);
  }
}

/**
 * For section layouts: the access, or the refusal to explain in place of the section (disabled
 * provider, membership awaiting confirmation...). 404s still become the not-found page.
 */
export async function sectionAccess<A>(resolve: (user: SessionUser) => Promise<A>): Promise<{ user: SessionUser; access: A } | { user: SessionUser; refusal: AppError }> {
  const user = await requireTenantPageUser();
  try {
    return { user, access: await resolve(user) };
  } catch (error) {
    if (error instanceof AppError && error.status === 403) return { user, refusal: error };
    interrupt(error);
  }
}
