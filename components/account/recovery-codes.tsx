"use client";
// Recovery codes, shown once: copy or download them, and confirm they are saved before closing.
import { Copy, Download } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/form";
import { toast } from "@/components/ui/toaster";

export function RecoveryCodes({ codes, email, onDone }: { codes: string[]; email: string; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const text = [
    `Provider Portal recovery codes for ${email}`,
    `Created ${new Date().toISOString().slice(0, 10)}. Each code works once, instead of an authenticator code.`,
    "",
    ...codes,
    "",
  ].join("\n");
  return (
    <div className="space-y-4">
      <Alert tone="warning" title="Save these codes now">
        They are shown only this once. If you lose your authenticator, a recovery code is the only way back into your account: nobody, not even
        platform support, can sign you in without one. Keep them somewhere safe and apart from your authenticator.
      </Alert>
      <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg bg-slate-50 p-4 font-mono text-sm text-slate-900 ring-1 ring-slate-200 ring-inset">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(text);
              toast.success("Recovery codes copied.");
            } catch {
              toast.error("Copying failed. Select the codes and copy them, or download them.");
            }
          }}
        >
          <Copy aria-hidden /> Copy
        </Button>
        <a className={buttonClass({ variant: "secondary", size: "sm" })} href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="provider-portal-recovery-codes.txt">
          <Download aria-hidden /> Download
        </a>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} />I have saved my recovery codes
      </label>
      <div className="flex justify-end">
        <Button disabled={!saved} onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
