"use client";
// Staff turn an MSP into a provider: name, type and the email of its future first admin, who gets a
// setup link.
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError } from "@/lib/client/api";

const EMPTY = { name: "", type: "MSP", ownerEmail: "" };

export function InviteProviderDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setFields({});
    try {
      const created = await api<{ id: string; setupInvitation: { email: string; mailed: boolean } }>("/api/v1/admin/providers", { body: form });
      if (created.setupInvitation.mailed) toast.success(`Provider created. The setup link was sent to ${created.setupInvitation.email}.`);
      else toast.warning("Provider created, but the setup mail could not be sent. Re-issue the link from the provider's page.");
      setOpen(false);
      setForm(EMPTY);
      router.push(`/admin/providers/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError) {
        setFields(e.fields ?? {});
        setError(e.message);
      } else setError("Something went wrong. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> Invite provider
        </Button>
      </DialogTrigger>
      <DialogContent title="Invite a provider" description="The provider is created as pending; its first admin completes the setup from the link we email them.">
        <form onSubmit={submit} className="space-y-4" noValidate>
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <Field label="Provider name" error={fields.name} hint="The admin can change it during setup.">
            {(p) => <Input {...p} name="name" required value={form.name} onChange={set("name")} autoFocus />}
          </Field>
          <Field label="Type" error={fields.type}>
            {(p) => (
              <Select {...p} name="type" value={form.type} onChange={set("type")}>
                <option value="MSP">Managed service provider (MSP)</option>
                <option value="RESELLER">Reseller</option>
              </Select>
            )}
          </Field>
          <Field label="Owner email" error={fields.ownerEmail} hint="Only this address can complete the setup.">
            {(p) => <Input {...p} type="email" name="ownerEmail" autoComplete="off" required value={form.ownerEmail} onChange={set("ownerEmail")} />}
          </Field>
          <div className="flex justify-end gap-2 pt-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? <Spinner label="Sending invitation" /> : null}
              Send setup link
            </Button>
          </div>
        </form>
      </DialogContent>
    </DialogRoot>
  );
}
