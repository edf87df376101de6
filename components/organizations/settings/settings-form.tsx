"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError } from "@/lib/client/api";

export function OrganizationSettingsForm({ organizationId, name: savedName, billingEmail: savedEmail }: { organizationId: string; name: string; billingEmail: string }) {
  const router = useRouter();
  const [name, setName] = useState(savedName);
  const [billingEmail, setBillingEmail] = useState(savedEmail);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setFields({});
    try {
      await api(`/api/v1/organizations/${organizationId}`, { method: "PATCH", body: { name, billingEmail } });
      toast.success("Organization settings saved.");
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Something went wrong. Check your connection and try again.");
      if (e instanceof ApiError) setFields(e.fields ?? {});
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field label="Organization name" error={fields.name}>
        {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} autoComplete="organization" />}
      </Field>
      <Field label="Billing email" hint="Receipts and billing notices go here." error={fields.billingEmail}>
        {(p) => <Input {...p} type="email" value={billingEmail} onChange={(e) => setBillingEmail(e.target.value)} required autoComplete="email" />}
      </Field>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending || (name === savedName && billingEmail === savedEmail)}>
          {pending ? <Spinner label="Saving" /> : null}
          Save
        </Button>
      </div>
    </form>
  );
}
