"use client";
// One policy: on/off and its settings. The inputs come from the policy's zod schema (built on the
// server by lib/policies/form.ts), and the same schema checks the values here before they are sent.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Checkbox, Field, Input, Select } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError } from "@/lib/client/api";
import type { PolicyType } from "@/lib/db/generated/enums";
import { policySchema, type PolicySettings } from "@/lib/policies/definitions";
import type { PolicyField } from "@/lib/policies/form";

export function PolicyForm({
  organizationId,
  type,
  label,
  description,
  enabled: savedEnabled,
  settings: savedSettings,
  fields,
  note,
  enableWarning,
}: {
  organizationId: string;
  type: PolicyType;
  label: string;
  description: string;
  enabled: boolean;
  settings: PolicySettings;
  fields: PolicyField[];
  /** Always shown: what the policy can and cannot check. */
  note?: string;
  /** Shown while the policy is being turned on: what saving will do to current members. */
  enableWarning?: string;
}) {
  const router = useRouter();
  const headingId = useId();
  const [enabled, setEnabled] = useState(savedEnabled);
  const [settings, setSettings] = useState<PolicySettings>(savedSettings);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const dirty = enabled !== savedEnabled || JSON.stringify(settings) !== JSON.stringify(savedSettings);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const checked = policySchema(type).safeParse(settings);
    if (!checked.success) {
      setErrors(Object.fromEntries(checked.error.issues.map((i) => [String(i.path[0] ?? "_"), i.message])));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const saved = await api<{ revokedMembers: { email: string }[] }>(`/api/v1/organizations/${organizationId}/policies/${type}`, {
        method: "PUT",
        body: { enabled, settings: checked.data },
      });
      const revoked = saved.revokedMembers.length;
      toast.success(`${label}: ${enabled ? "on" : "off"}, saved.${revoked ? ` ${revoked} ${revoked === 1 ? "member was" : "members were"} revoked.` : ""}`);
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.message);
        setErrors(Object.fromEntries(Object.entries(e.fields ?? {}).map(([k, v]) => [k.replace(/^settings\./, ""), v])));
      } else setError("Something went wrong. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  const set = (key: string, value: unknown) => setSettings((s) => ({ ...s, [key]: value }));

  return (
    <Card aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
          <div className="min-w-0">
            <h2 id={headingId} className="text-base font-semibold text-slate-900">
              {label}
            </h2>
            <p className="mt-0.5 text-sm text-slate-600">{description}</p>
          </div>
          <Badge tone={savedEnabled ? "success" : "neutral"}>{savedEnabled ? "On" : "Off"}</Badge>
        </div>
        <CardBody className="space-y-4">
          {error ? <Alert tone="danger">{error}</Alert> : null}
          {note ? <p className="text-sm text-slate-600">{note}</p> : null}
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <Checkbox checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            Turn this policy on<span className="sr-only">: {label}</span>
          </label>
          {enableWarning && enabled && !savedEnabled ? (
            <Alert tone="warning" title="Members will lose access">
              {enableWarning}
            </Alert>
          ) : null}
          {fields.length ? (
            <fieldset className="grid gap-4 sm:grid-cols-2">
              <legend className="sr-only">{label} settings</legend>
              {fields.map((field) => (
                <PolicyInput key={field.key} field={field} value={settings[field.key]} error={errors[field.key]} onChange={(v) => set(field.key, v)} />
              ))}
            </fieldset>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit" disabled={pending || !dirty}>
              {pending ? <Spinner label="Saving" /> : null}
              Save
            </Button>
          </div>
        </CardBody>
      </form>
    </Card>
  );
}

/** One setting's input, built from the policy schema's field description (also used by the policy template form). */
export function PolicyInput({ field, value, error, onChange }: { field: PolicyField; value: unknown; error?: string; onChange: (value: unknown) => void }) {
  if (field.kind === "boolean") {
    return (
      <div className="sm:col-span-2">
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <Checkbox className="mt-0.5" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <span>
            {field.label}
            {field.hint ? <span className="block text-xs text-slate-500">{field.hint}</span> : null}
          </span>
        </label>
        {error ? <p className="mt-1 text-xs font-medium text-red-700">{error}</p> : null}
      </div>
    );
  }
  if (field.kind === "integer") {
    return (
      <Field label={field.label} hint={field.hint} error={error}>
        {(p) => (
          <Input
            {...p}
            type="number"
            inputMode="numeric"
            min={field.min}
            max={field.max}
            step={1}
            value={typeof value === "number" ? value : ""}
            onChange={(e) => onChange(e.target.value === "" ? (field.nullable ? null : undefined) : Number(e.target.value))}
          />
        )}
      </Field>
    );
  }
  return (
    <Field label={field.label} hint={field.hint} error={error}>
      {(p) => (
        <Select {...p} value={String(value ?? "")} onChange={(e) => onChange(e.target.value)}>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
