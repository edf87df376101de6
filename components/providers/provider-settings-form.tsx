"use client";
// A provider's own details, edited by its admins.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError } from "@/lib/client/api";

export function ProviderSettingsForm({ providerId, initial }: { providerId: string; initial: { name: string; businessName: string; billingEmail: string } }) {
  const router = useRouter();
  const [form, setForm] = useState(initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const changed = form.name !== initial.name || form.businessName !== initial.businessName || form.billingEmail !== initial.billingEmail;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setFields({});
    try {
      await api(`/api/v1/providers/${providerId}`, { method: "PATCH", body: form });
      toast.success("Provider settings saved.");
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError) {
        setFields(e.fields ?? {});
        setError(e.message);
      } else setError("Something went wrong. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <form onSubmit={submit} className="max-w-lg space-y-4" noValidate>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field label="Provider name" error={fields.name} hint="Shown to your team and in your clients' admin consoles.">
        {(p) => <Input {...p} name="name" required value={form.name} onChange={set("name")} />}
      </Field>
      <Field label="Business name" error={fields.businessName} hint="Your legal company name, printed on invoices. Leave empty to use the provider name.">
        {(p) => <Input {...p} name="businessName" autoComplete="organization" value={form.businessName} onChange={set("businessName")} />}
      </Field>
      <Field label="Billing email" error={fields.billingEmail} hint="Where invoices and billing notices go.">
        {(p) => <Input {...p} type="email" name="billingEmail" autoComplete="email" required value={form.billingEmail} onChange={set("billingEmail")} />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending || !changed}>
          {pending ? <Spinner label="Saving" /> : null}
          Save changes
        </Button>
        {changed ? (
          <Button variant="ghost" onClick={() => setForm(initial)}>
            Discard
          </Button>
        ) : null}
      </div>
    </form>
  );
}
