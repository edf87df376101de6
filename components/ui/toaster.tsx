"use client";
import type { CSSProperties } from "react";
import { Toaster as Sonner } from "sonner";

// Sonner's rich colours put text under WCAG AA contrast (4.5:1) on their tinted backgrounds; these
// darker text colours keep the same look and pass.
const CONTRAST: CSSProperties = {
  ["--success-text" as string]: "#065f46",
  ["--info-text" as string]: "#075985",
  ["--warning-text" as string]: "#92400e",
  ["--error-text" as string]: "#991b1b",
};

export function Toaster() {
  return <Sonner position="bottom-right" richColors closeButton style={CONTRAST} toastOptions={{ className: "font-sans" }} />;
}

export { toast } from "sonner";
