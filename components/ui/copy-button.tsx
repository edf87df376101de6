"use client";
// Copies a text to the clipboard and says so; when the browser refuses, says how to copy by hand.
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button, type ButtonVariant } from "./button";
import { toast } from "./toaster";

export function CopyButton({ text, label = "Copy", copiedMessage = "Copied.", variant = "secondary" }: { text: string; label?: string; copiedMessage?: string; variant?: ButtonVariant }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      variant={variant}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          toast.success(copiedMessage);
        } catch {
          toast.error("Copying failed. Select the text and copy it yourself.");
        }
      }}
    >
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {copied ? "Copied" : label}
    </Button>
  );
}
