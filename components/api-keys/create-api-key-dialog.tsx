"use client";
// Create an API key: name and role, then the key itself, shown this once with a copy button and a
// first request to try it with.
import { KeyRound, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Input, Select } from "@/components/ui/form";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { api, ApiError } from "@/lib/client/api";
import { API_KEY_ROLE_LABEL } from "./labels";

type Role = "PROVIDER_ADMIN" | "SERVICE_USER";
interface Created {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  secret: string;
}

const ROLE_HINT: Record<Role, string> = {
  SERVICE_USER: "Reads clients and administers client organizations; may lower seats. Cannot manage people, billing or settings.",
  PROVIDER_ADMIN: "Everything a Provider Admin can do through the API, except managing API keys. Works only while you stay a Provider Admin.",
};

export function CreateApiKeyDialog({ providerId, baseUrl }: { providerId: string; baseUrl: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("SERVICE_USER");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<Created>();
  const [saved, setSaved] = useState(false);

  function onOpenChange(next: boolean) {
    // The key cannot be shown again: closing is only possible once it has been saved.
    if (!next && created && !saved) return;
    setOpen(next);
    if (!next) {
      if (created) router.refresh();
      setName("");
      setRole("SERVICE_USER");
      setFields({});
      setError(undefined);
      setCreated(undefined);
      setSaved(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setFields({});
    try {
      setCreated(await api<Created>(`/api/v1/providers/${providerId}/api-keys`, { body: { name, role } }));
    } catch (e) {
      if (e instanceof ApiError) {
        setFields(e.fields ?? {});
        setError(e.message);
      } else setError("Something went wrong. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  const example = created ? `curl -sS "${baseUrl}/api/v1/providers/${providerId}/clients" \\\n  -H "Authorization: Bearer ${created.secret}"` : "";

  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> Create API key
        </Button>
      </DialogTrigger>
      <DialogContent
        title={created ? `API key “${created.name}” created` : "Create API key"}
        description={created ? undefined : "For a PSA, RMM or script that works with this provider's clients. Only a hash of the key is stored."}
        className="max-w-xl"
      >
        {created ? (
          <div className="space-y-4">
            <Alert tone="warning" title="Copy the key now">
              It is shown only this once. Store it in your tool&apos;s secret store; if it is lost, revoke it and create a new one.
            </Alert>
            <div className="space-y-1.5">
              <label htmlFor="new-api-key" className="block text-sm font-medium text-slate-800">
                API key ({API_KEY_ROLE_LABEL[created.role]})
              </label>
              <div className="flex gap-2">
                <Input id="new-api-key" readOnly value={created.secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} data-testid="new-api-key" />
                <CopyButton text={created.secret} copiedMessage="API key copied." />
              </div>
            </div>
            <div className="space-y-1.5">
              <p className="text-sm font-medium text-slate-800">Try it</p>
              <CodeBlock label="Example request">{example}</CodeBlock>
            </div>
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} />I have stored the key somewhere safe
            </label>
            <div className="flex justify-end">
              <DialogClose asChild>
                <Button disabled={!saved}>Done</Button>
              </DialogClose>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} className="space-y-4" noValidate>
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <Field label="Name" error={fields.name} hint="What uses the key, so you recognise it later. E.g. “ConnectWise sync”.">
              {(p) => <Input {...p} name="name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="off" />}
            </Field>
            <Field label="Acts as" error={fields.role} hint={ROLE_HINT[role]}>
              {(p) => (
                <Select {...p} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                  <option value="SERVICE_USER">{API_KEY_ROLE_LABEL.SERVICE_USER}</option>
                  <option value="PROVIDER_ADMIN">{API_KEY_ROLE_LABEL.PROVIDER_ADMIN}</option>
                </Select>
              )}
            </Field>
            <div className="flex justify-end gap-2 pt-2">
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button type="submit" disabled={pending}>
                {pending ? <Spinner label="Creating the key" /> : <KeyRound aria-hidden />}
                Create key
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </DialogRoot>
  );
}
