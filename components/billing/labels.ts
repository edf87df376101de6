export const MODE_LABELS = { PER_CLIENT: "Billed per client", CONSOLIDATED: "Consolidated provider invoice" } as const;
export const STATUS_TONES = { OPEN: "warning", PAID: "success", VOID: "neutral" } as const;
export const PAYMENT_KIND_LABELS = { CARD: "Card", BANK_ACCOUNT: "Bank account", INVOICE: "Invoice" } as const;

export function paymentMethodText(method: { kind: keyof typeof PAYMENT_KIND_LABELS; label: string | null; last4: string | null } | null): string {
  if (!method) return "None on file";
  return [method.label ?? PAYMENT_KIND_LABELS[method.kind], method.last4 ? `•••• ${method.last4}` : null].filter(Boolean).join(" ");
}
