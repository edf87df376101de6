"use client";
// Turning on two-step login: a new secret as a QR code and as text, confirmed with a first code,
// then the recovery codes (shown once).
import { Copy } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError, errorMessage } from "@/lib/client/api";
import { RecoveryCodes } from "./recovery-codes";

interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrCode: string;
}

type Step = { kind: "loading" } | { kind: "failed"; message: string } | { kind: "scan"; enrolment: Enrolment } | { kind: "codes"; codes: string[] };

/** "JBSWY3DPEHPK3PXP..." → "JBSW Y3DP EHPK ..." for reading and typing. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

export function TwoFactorEnrolDialog({ email }: { email: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>({ kind: "loading" });
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function begin() {
    setStep({ kind: "loading" });
    setCode("");
    setCodeError(undefined);
    try {
      setStep({ kind: "scan", enrolment: await api<Enrolment>("/api/v1/me/2fa/totp", { method: "POST" }) });
    } catch (error) {
      setStep({ kind: "failed", message: errorMessage(error) });
    }
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setCodeError(undefined);
    try {
      const { recoveryCodes } = await api<{ recoveryCodes: string[] }>("/api/v1/me/2fa/totp/verify", { body: { code } });
      setStep({ kind: "codes", codes: recoveryCodes });
    } catch (error) {
      setCodeError(error instanceof ApiError ? (error.fields?.code ?? error.message) : errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  function close() {
    setOpen(false);
    if (step.kind === "codes") {
      toast.success("Two-step login is on.");
      router.refresh();
    }
  }

  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setOpen(true);
          void begin();
        } else {
          close();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>Turn on two-step login</Button>
      </DialogTrigger>
      <DialogContent
        title={step.kind === "codes" ? "Your recovery codes" : "Set up your authenticator app"}
        description={step.kind === "codes" ? "Two-step login is on." : "Use an app such as Bitwarden Authenticator, Microsoft Authenticator, Google Authenticator or 1Password."}
      >
        {step.kind === "loading" ? (
          <div className="flex justify-center py-10">
            <Spinner label="Preparing your authenticator key" />
          </div>
        ) : null}
        {step.kind === "failed" ? (
          <div className="space-y-4">
            <Alert tone="danger">{step.message}</Alert>
            <div className="flex justify-end">
              <Button variant="secondary" onClick={() => void begin()}>
                Try again
              </Button>
            </div>
          </div>
        ) : null}
        {step.kind === "scan" ? (
          <form onSubmit={verify} className="space-y-5" noValidate>
            <ol className="list-decimal space-y-4 pl-5 text-sm text-slate-700 marker:font-semibold marker:text-slate-500">
              <li>
                <p>Scan this QR code with your authenticator app.</p>
                {/* A data: URL made on the server; next/image adds nothing for it. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={step.enrolment.qrCode} alt="QR code for adding Provider Portal to your authenticator app" width={208} height={208} className="mt-3 rounded-md ring-1 ring-slate-200" />
              </li>
              <li>
                <p>Can&apos;t scan it? Enter this setup key in the app instead (time-based, 6 digits).</p>
                <div className="mt-2 flex items-end gap-2">
                  <Field label="Setup key" className="flex-1">
                    {(p) => <Input {...p} readOnly value={grouped(step.enrolment.secret)} className="font-mono tracking-wide" onFocus={(e) => e.target.select()} />}
                  </Field>
                  <Button
                    variant="secondary"
                    aria-label="Copy setup key"
                    onClick={async () => {
                      try {
                        await navigator.clipboard.writeText(step.enrolment.secret);
                        toast.success("Setup key copied.");
                      } catch {
                        toast.error("Copying failed. Select the key and copy it.");
                      }
                    }}
                  >
                    <Copy aria-hidden />
                  </Button>
                </div>
              </li>
              <li>
                <p className="mb-2">Enter the 6-digit code the app shows to finish.</p>
                <Field label="Authentication code" error={codeError}>
                  {(p) => (
                    <Input
                      {...p}
                      name="code"
                      inputMode="numeric"
                      autoComplete="one-time-code"
                      maxLength={7}
                      className="w-40 font-mono tracking-widest"
                      value={code}
                      onChange={(e) => setCode(e.target.value)}
                    />
                  )}
                </Field>
              </li>
            </ol>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending || code.trim() === ""}>
                {pending ? <Spinner label="Checking the code" /> : null}
                Turn on
              </Button>
            </div>
          </form>
        ) : null}
        {step.kind === "codes" ? <RecoveryCodes codes={step.codes} email={email} onDone={close} /> : null}
      </DialogContent>
    </DialogRoot>
  );
}
