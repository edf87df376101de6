"use client";
// With two-step login on: new recovery codes (confirmed with a code) and turning it off (password
// and a code).
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError, errorMessage } from "@/lib/client/api";
import { RecoveryCodes } from "./recovery-codes";

const CODE_HINT = "The 6-digit code from your authenticator app, or one of your recovery codes.";

function useSubmit() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  async function submit(action: () => Promise<void>) {
    setPending(true);
    setError(undefined);
    setFields({});
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiError && e.fields) setFields(e.fields);
      else setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }
  function clear() {
    setError(undefined);
    setFields({});
  }
  return { pending, error, fields, submit, clear };
}

function DialogActions({ pending, label, variant = "primary", disabled }: { pending: boolean; label: ReactNode; variant?: "primary" | "danger"; disabled?: boolean }) {
  return (
    <div className="flex justify-end gap-2">
      <DialogClose asChild>
        <Button variant="secondary">Cancel</Button>
      </DialogClose>
      <Button type="submit" variant={variant} disabled={pending || disabled}>
        {pending ? <Spinner label="Working" /> : null}
        {label}
      </Button>
    </div>
  );
}

export function RegenerateRecoveryCodesDialog({ email }: { email: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState("");
  const [codes, setCodes] = useState<string[]>();
  const { pending, error, fields, submit, clear } = useSubmit();

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      if (codes) {
        toast.success("New recovery codes are ready; the old ones no longer work.");
        router.refresh();
      }
      setCode("");
      setCodes(undefined);
      clear();
    }
  }

  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary">New recovery codes</Button>
      </DialogTrigger>
      <DialogContent
        title={codes ? "Your new recovery codes" : "Create new recovery codes"}
        description={codes ? "Your old recovery codes no longer work." : "Your current recovery codes stop working as soon as the new ones are created."}
      >
        {codes ? (
          <RecoveryCodes codes={codes} email={email} onDone={() => onOpenChange(false)} />
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              void submit(async () => {
                setCodes((await api<{ recoveryCodes: string[] }>("/api/v1/me/2fa/recovery-codes", { body: { code } })).recoveryCodes);
              });
            }}
          >
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <Field label="Authentication code or recovery code" hint={CODE_HINT} error={fields.code}>
              {(p) => <Input {...p} name="code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />}
            </Field>
            <DialogActions pending={pending} label="Create new codes" disabled={code.trim() === ""} />
          </form>
        )}
      </DialogContent>
    </DialogRoot>
  );
}

/** `losesOrganizations`: organizations whose policy revokes the membership; `blockedProviders`: providers whose clients cannot be opened without it. */
export function DisableTwoFactorDialog({ losesOrganizations, blockedProviders }: { losesOrganizations: string[]; blockedProviders: string[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ password: "", code: "" });
  const { pending, error, fields, submit, clear } = useSubmit();

  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setForm({ password: "", code: "" });
          clear();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="danger-ghost">Turn off</Button>
      </DialogTrigger>
      <DialogContent title="Turn off two-step login" description="Signing in will need only your password. Your authenticator and recovery codes stop working.">
        <form
          className="space-y-4"
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void submit(async () => {
              const result = await api<{ revokedFrom: { organizationName: string }[] }>("/api/v1/me/2fa", { method: "DELETE", body: form });
              setOpen(false);
              toast.success(
                result.revokedFrom.length
                  ? `Two-step login is off. Your access to ${result.revokedFrom.map((r) => r.organizationName).join(", ")} was revoked.`
                  : "Two-step login is off.",
              );
              router.refresh();
            });
          }}
        >
          {error ? <Alert tone="danger">{error}</Alert> : null}
          {losesOrganizations.length || blockedProviders.length ? (
            <Alert tone="warning" title="You will lose access">
              <ul className="list-disc space-y-0.5 pl-4">
                {losesOrganizations.map((name, i) => (
                  <li key={`o${i}`}>{name} requires two-step login: your access is revoked at once, and an admin must restore you after you turn it on again.</li>
                ))}
                {blockedProviders.map((name, i) => (
                  <li key={`p${i}`}>{name} requires two-step login to open its clients.</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <Field label="Password" error={fields.password}>
            {(p) => (
              <Input {...p} type="password" name="password" autoComplete="current-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
            )}
          </Field>
          <Field label="Authentication code or recovery code" hint={CODE_HINT} error={fields.code}>
            {(p) => <Input {...p} name="code" autoComplete="one-time-code" value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />}
          </Field>
          <DialogActions pending={pending} label="Turn off two-step login" variant="danger" disabled={!form.password || !form.code.trim()} />
        </form>
      </DialogContent>
    </DialogRoot>
  );
}
