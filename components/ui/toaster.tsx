"use client";
import type { CSSProperties } from "react";
import { Toaster as Sonner } from "sonner";

// Sonner's own rich-color texts are slightly below WCAG AA contrast on their backgrounds (about 4.3:1
// for success and error); these darker ones pass.
const READABLE_COLORS = {
  "--success-text": "#065f46",
  "--info-text": "#075985",
  "--warning-text": "#92400e",
  "--error-text": "#991b1b",
} as CSSProperties;

export function Toaster() {
  return <Sonner position="bottom-right" richColors closeButton style={READABLE_COLORS} toastOptions={{ className: "font-sans" }} />;
}

export { toast } from "sonner";
