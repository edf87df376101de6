// Words and badge colours for organization roles, statuses and permissions, shared by pages and forms.
import type { BadgeTone } from "@/components/ui/badge";

export const ROLE_LABEL = { OWNER: "Owner", ADMIN: "Admin", USER: "User" } as const;
export type OrgRole = keyof typeof ROLE_LABEL;
export const ROLES = Object.keys(ROLE_LABEL) as OrgRole[];

export const STATUS_LABEL = { INVITED: "Invited", ACCEPTED: "Needs confirmation", CONFIRMED: "Confirmed", REVOKED: "Revoked" } as const;
export type OrgMemberStatus = keyof typeof STATUS_LABEL;
export const STATUS_TONE: Record<OrgMemberStatus, BadgeTone> = { INVITED: "warning", ACCEPTED: "info", CONFIRMED: "success", REVOKED: "danger" };

export const PERMISSION_LABEL = {
  VIEW: "Can view",
  VIEW_EXCEPT_PASSWORDS: "Can view, except passwords",
  EDIT: "Can edit",
  EDIT_EXCEPT_PASSWORDS: "Can edit, except passwords",
  MANAGE: "Can manage",
} as const;
export type Permission = keyof typeof PERMISSION_LABEL;
export const PERMISSIONS = Object.keys(PERMISSION_LABEL) as Permission[];

export const ITEM_TYPE_LABEL = { LOGIN: "Login", SECURE_NOTE: "Secure note", CARD: "Card", IDENTITY: "Identity" } as const;
export const ITEM_TYPE_PLURAL = { LOGIN: "Logins", SECURE_NOTE: "Secure notes", CARD: "Cards", IDENTITY: "Identities" } as const;
export type ItemType = keyof typeof ITEM_TYPE_LABEL;
export const ITEM_TYPES = Object.keys(ITEM_TYPE_LABEL) as ItemType[];
