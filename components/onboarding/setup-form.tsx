"use client";
// The last step of becoming a provider: its name, legal business name and billing email.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { api, ApiError } from "@/lib/client/api";

export function SetupForm({ providerId, token, defaults }: { providerId: string; token: string; defaults: { name: string; billingEmail: string } }) {
  const router = useRouter();
  const [form, setForm] = useState({ name: defaults.name, businessName: "", billingEmail: defaults.billingEmail });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setFields({});
    try {
      await api(`/api/v1/providers/${providerId}/setup`, { body: { token, ...form } });
      router.push(`/providers/${providerId}`);
      router.refresh();
    } catch (e) {
      setPending(false);
      if (e instanceof ApiError) {
        setFields(e.fields ?? {});
        setError(e.message);
      } else setError("Something went wrong. Check your connection and try again.");
    }
  }

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field label="Provider name" error={fields.name} hint="How your team and clients see you in the portal.">
        {(p) => <Input {...p} name="name" required value={form.name} onChange={set("name")} />}
      </Field>
      <Field label="Business name (optional)" error={fields.businessName} hint="Your legal company name, for invoices.">
        {(p) => <Input {...p} name="businessName" autoComplete="organization" value={form.businessName} onChange={set("businessName")} />}
      </Field>
      <Field label="Billing email" error={fields.billingEmail} hint="Where invoices and billing notices go.">
        {(p) => <Input {...p} type="email" name="billingEmail" autoComplete="email" required value={form.billingEmail} onChange={set("billingEmail")} />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? <Spinner label="Completing setup" /> : null}
        Complete setup
      </Button>
    </form>
  );
}
