"use client";
// A policy template's editor: its name, and for each policy type whether the template sets it, on or
// off, and its settings. The inputs are the organization console's own (PolicyInput, built from each
// type's zod schema on the server), and the same schemas check the values before they are sent; the
// server checks them again and answers 400 naming the field.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PolicyInput } from "@/components/organizations/policies/policy-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Checkbox, Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError } from "@/lib/client/api";
import type { PolicyType } from "@/lib/db/generated/enums";
import { policySchema, type PolicySettings } from "@/lib/policies/definitions";
import type { PolicyField } from "@/lib/policies/form";

export interface PolicyTypeForm {
  type: PolicyType;
  label: string;
  description: string;
  fields: PolicyField[];
  defaults: PolicySettings;
}

interface Row {
  included: boolean;
  enabled: boolean;
  settings: PolicySettings;
}

export function TemplateForm({
  providerId,
  template,
  types,
}: {
  providerId: string;
  template?: { id: string; name: string; policies: { type: PolicyType; enabled: boolean; settings: PolicySettings }[] };
  types: PolicyTypeForm[];
}) {
  const router = useRouter();
  const [name, setName] = useState(template?.name ?? "");
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      types.map((t) => {
        const p = template?.policies.find((q) => q.type === t.type);
        return [t.type, { included: Boolean(p), enabled: p?.enabled ?? true, settings: p?.settings ?? t.defaults }];
      }),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  const update = (type: string, change: Partial<Row>) => {
    setRows((r) => ({ ...r, [type]: { ...r[type]!, ...change } }));
    // Field errors are keyed by position among the included policies: any change makes them stale.
    setErrors((e): Record<string, string> => (e.name ? { name: e.name } : {}));
  };
  const included = types.filter((t) => rows[t.type]!.included);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    // Field errors are keyed like the server's: policies.<i>.settings.<key>, i in the order sent.
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = "Enter a name.";
    const policies = included.map((t, i) => {
      const row = rows[t.type]!;
      const checked = policySchema(t.type).safeParse(row.settings);
      if (!checked.success) for (const issue of checked.error.issues) local[`policies.${i}.settings.${String(issue.path[0] ?? "")}`] = issue.message;
      return { type: t.type, enabled: row.enabled, settings: checked.success ? checked.data : row.settings };
    });
    setErrors(local);
    if (Object.keys(local).length) return;
    setPending(true);
    try {
      const saved = await api<{ id: string }>(template ? `/api/v1/providers/${providerId}/policy-templates/${template.id}` : `/api/v1/providers/${providerId}/policy-templates`, {
        method: template ? "PATCH" : "POST",
        body: { name, policies },
      });
      toast.success(template ? "Template saved." : "Template created.");
      router.push(`/providers/${providerId}/policy-templates/${saved.id}`);
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.message);
        setErrors(e.fields ?? {});
      } else setError("Something went wrong. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  const errorFor = (type: PolicyType, key: string) => {
    const i = included.findIndex((t) => t.type === type);
    return i < 0 ? undefined : (errors[`policies.${i}.settings.${key}`] ?? (key === "enabled" ? errors[`policies.${i}.enabled`] : undefined));
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Card>
        <CardBody>
          <Field label="Template name" error={errors.name}>
            {(p) => (
              <Input
                {...p}
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setErrors(({ name: _name, ...rest }) => rest);
                }}
                maxLength={120}
                autoComplete="off"
              />
            )}
          </Field>
        </CardBody>
      </Card>
      {types.map((t) => {
        const row = rows[t.type]!;
        const headingId = `template-policy-${t.type}`;
        return (
          <Card key={t.type} aria-labelledby={headingId}>
            <CardBody className="space-y-3">
              <div>
                <h2 id={headingId} className="text-base font-semibold text-slate-900">
                  {t.label}
                </h2>
                <p className="text-sm text-slate-600">{t.description}</p>
              </div>
              <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
                <Checkbox checked={row.included} onChange={(e) => update(t.type, { included: e.target.checked })} />
                The template sets this policy<span className="sr-only">: {t.label}</span>
              </label>
              {row.included ? (
                <div className="space-y-4 border-l-2 border-brand-200 pl-4">
                  <label className="flex items-center gap-2 text-sm text-slate-800">
                    <Checkbox checked={row.enabled} onChange={(e) => update(t.type, { enabled: e.target.checked })} />
                    Turned on<span className="sr-only">: {t.label}</span>
                  </label>
                  {errorFor(t.type, "enabled") ? <p className="text-xs font-medium text-red-700">{errorFor(t.type, "enabled")}</p> : null}
                  {t.fields.length ? (
                    <fieldset className="grid gap-4 sm:grid-cols-2">
                      <legend className="sr-only">{t.label} settings</legend>
                      {t.fields.map((field) => (
                        <PolicyInput
                          key={field.key}
                          field={field}
                          value={row.settings[field.key]}
                          error={errorFor(t.type, field.key)}
                          onChange={(v) => update(t.type, { settings: { ...row.settings, [field.key]: v } })}
                        />
                      ))}
                    </fieldset>
                  ) : null}
                </div>
              ) : null}
            </CardBody>
          </Card>
        );
      })}
      <div className="flex justify-end gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner label="Saving" /> : null}
          {template ? "Save template" : "Create template"}
        </Button>
      </div>
    </form>
  );
}
