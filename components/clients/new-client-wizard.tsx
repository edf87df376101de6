"use client";
// The new-client wizard: organization → owner → payment → review. Each step is checked with the
// same zod schema the API uses before moving on; the server's answer (field errors included) sends
// the admin back to the step that needs fixing.
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Check } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError } from "@/lib/client/api";
import { zodFieldErrors } from "@/lib/client/field-errors";
import { cn } from "@/lib/cn";
import {
  CLIENT_PLANS,
  createClientSchema,
  PAYMENT_METHOD_KINDS,
  PAYMENT_METHOD_LABELS,
  paymentMethodSchema,
  PLAN_LABELS,
  type ClientPlan,
} from "@/lib/services/clients/schemas";

const STEPS = ["Organization", "Owner", "Payment", "Review"] as const;
type Step = 0 | 1 | 2 | 3;

const PLAN_BLURB: Record<ClientPlan, string> = {
  TEAMS_MONTHLY: "Sharing, collections, groups and core policies for small and mid-sized teams.",
  ENTERPRISE_MONTHLY: "Everything in Teams plus enterprise policies, account recovery and SSO-ready controls.",
};

const STEP_OF_FIELD: Record<string, Step> = { name: 0, billingEmail: 0, plan: 0, seats: 0, ownerEmail: 1 };

interface FormState {
  name: string;
  billingEmail: string;
  plan: ClientPlan;
  seats: string;
  ownerEmail: string;
  paymentKind: "" | (typeof PAYMENT_METHOD_KINDS)[number];
  paymentLabel: string;
  paymentLast4: string;
}

export function NewClientWizard({ providerId, perClientBilling }: { providerId: string; perClientBilling: boolean }) {
  const router = useRouter();
  const [step, setStep] = useState<Step>(0);
  const [form, setForm] = useState<FormState>({
    name: "",
    billingEmail: "",
    plan: "TEAMS_MONTHLY",
    seats: "10",
    ownerEmail: "",
    paymentKind: perClientBilling ? "CARD" : "",
    paymentLabel: "",
    paymentLast4: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);

  const set = (key: keyof FormState) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  function payload() {
    return {
      name: form.name,
      billingEmail: form.billingEmail,
      plan: form.plan,
      seats: form.seats.trim() === "" ? Number.NaN : Number(form.seats),
      ownerEmail: form.ownerEmail,
      paymentMethod: form.paymentKind ? { kind: form.paymentKind, label: form.paymentLabel, last4: form.paymentLast4 } : undefined,
    };
  }

  /** Errors of the fields on one step (empty when it is fine). */
  function check(which: Step): Record<string, string> {
    const data = payload();
    if (which === 0) return zodFieldErrors(createClientSchema.pick({ name: true, billingEmail: true, plan: true, seats: true }).safeParse(data));
    if (which === 1) return zodFieldErrors(createClientSchema.pick({ ownerEmail: true }).safeParse(data));
    if (which === 2) {
      if (!data.paymentMethod) return perClientBilling ? { "paymentMethod.kind": "Choose how this client pays: each client is billed on its own." } : {};
      const result = paymentMethodSchema.safeParse(data.paymentMethod);
      return Object.fromEntries(Object.entries(zodFieldErrors(result)).map(([k, v]) => [`paymentMethod.${k}`, v]));
    }
    return {};
  }

  function next(event: FormEvent) {
    event.preventDefault();
    const found = check(step);
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length === 0) setStep((s) => Math.min(3, s + 1) as Step);
  }

  async function create() {
    setPending(true);
    setFormError(undefined);
    try {
      const result = await api<{ id: string; invitationSent: boolean }>(`/api/v1/providers/${providerId}/clients`, { body: payload() });
      toast.success(
        result.invitationSent
          ? `${form.name} is ready. We emailed ${form.ownerEmail} an invitation to join as its owner.`
          : `${form.name} is ready, but the invitation mail could not be sent. Re-send it from the client's members.`,
      );
      router.push(`/providers/${providerId}/clients/${result.id}`);
      router.refresh();
    } catch (error) {
      setPending(false);
      if (error instanceof ApiError) {
        const fields = error.fields ?? {};
        setErrors(fields);
        setFormError(error.message);
        const steps = Object.keys(fields).map((f) => (f.startsWith("paymentMethod") ? 2 : (STEP_OF_FIELD[f] ?? 3)));
        if (steps.length) setStep(Math.min(...steps) as Step);
      } else {
        setFormError("Something went wrong. Check your connection and try again.");
      }
    }
  }

  return (
    <div className="space-y-6">
      <ol aria-label="Steps" className="flex flex-wrap gap-2 text-sm">
        {STEPS.map((label, i) => (
          <li
            key={label}
            aria-current={i === step ? "step" : undefined}
            className={cn(
              "flex items-center gap-2 rounded-full px-3 py-1 ring-1 ring-inset",
              i === step ? "bg-brand-50 font-medium text-brand-800 ring-brand-200" : i < step ? "text-slate-700 ring-slate-200" : "text-slate-500 ring-slate-200",
            )}
          >
            <span aria-hidden className={cn("flex size-5 items-center justify-center rounded-full text-xs", i < step ? "bg-brand-600 text-white" : "bg-slate-100")}>
              {i < step ? <Check className="size-3" /> : i + 1}
            </span>
            {label}
            {i < step ? <span className="sr-only"> (done)</span> : null}
          </li>
        ))}
      </ol>

      {formError ? <Alert tone="danger">{formError}</Alert> : null}

      <Card>
        <CardBody>
          <form onSubmit={next} noValidate className="space-y-5">
            {step === 0 ? (
              <StepBody title="The organization" description="Your client's organization in the password manager. You can rename it and change its plan or seats later.">
                <Field label="Organization name" error={errors.name}>
                  {(p) => <Input {...p} name="name" autoComplete="organization" value={form.name} onChange={set("name")} autoFocus />}
                </Field>
                <Field label="Billing email" hint="Where the client's invoices and billing notices go." error={errors.billingEmail}>
                  {(p) => <Input {...p} type="email" name="billingEmail" value={form.billingEmail} onChange={set("billingEmail")} />}
                </Field>
                <fieldset>
                  <legend className="text-sm font-medium text-slate-800">Plan</legend>
                  <div className="mt-2 grid gap-3 sm:grid-cols-2">
                    {CLIENT_PLANS.map((plan) => (
                      <label
                        key={plan}
                        className={cn(
                          "flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-inset",
                          form.plan === plan ? "bg-brand-50 ring-2 ring-brand-600" : "ring-slate-300 hover:bg-slate-50",
                        )}
                      >
                        <input type="radio" name="plan" value={plan} checked={form.plan === plan} onChange={set("plan")} className="mt-1 accent-brand-600" />
                        <span>
                          <span className="block text-sm font-medium text-slate-900">{PLAN_LABELS[plan]}</span>
                          <span className="block text-xs text-slate-600">{PLAN_BLURB[plan]}</span>
                        </span>
                      </label>
                    ))}
                  </div>
                  {errors.plan ? <p className="mt-1 text-xs font-medium text-red-700">{errors.plan}</p> : null}
                </fieldset>
                <Field label="Seats" hint="How many people the client can have, invited ones included. At least 1: the owner takes a seat." error={errors.seats}>
                  {(p) => <Input {...p} type="number" name="seats" min={1} step={1} inputMode="numeric" value={form.seats} onChange={set("seats")} className="max-w-40" />}
                </Field>
              </StepBody>
            ) : null}

            {step === 1 ? (
              <StepBody
                title="The client's owner"
                description="We email them an invitation to join as Owner. They accept by signing in, or by creating an account with this address; then you confirm them in the client's members."
              >
                <Field label="Owner email" error={errors.ownerEmail}>
                  {(p) => <Input {...p} type="email" name="ownerEmail" value={form.ownerEmail} onChange={set("ownerEmail")} autoFocus />}
                </Field>
              </StepBody>
            ) : null}

            {step === 2 ? (
              <StepBody
                title="Payment method"
                description={
                  perClientBilling
                    ? "Your provider bills each client on its own, so record how this client pays. Only a summary is kept: never enter a full card or account number."
                    : "Your provider bills all clients on one consolidated invoice, so a payment method is optional. Only a summary is kept: never enter a full card or account number."
                }
              >
                <Field label="Kind" error={errors["paymentMethod.kind"]}>
                  {(p) => (
                    <Select {...p} name="paymentKind" value={form.paymentKind} onChange={set("paymentKind")} className="max-w-xs">
                      {perClientBilling ? null : <option value="">None (billed on the provider invoice)</option>}
                      {PAYMENT_METHOD_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {PAYMENT_METHOD_LABELS[kind]}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                {form.paymentKind ? (
                  <>
                    <Field
                      label="Label"
                      hint={form.paymentKind === "INVOICE" ? "For example “Net 30, accounts payable”." : "For example “Visa” or “Business checking”."}
                      error={errors["paymentMethod.label"]}
                    >
                      {(p) => <Input {...p} name="paymentLabel" autoComplete="off" value={form.paymentLabel} onChange={set("paymentLabel")} className="max-w-sm" />}
                    </Field>
                    {form.paymentKind !== "INVOICE" ? (
                      <Field label="Last 4 digits" hint="Only the last four digits, to tell cards and accounts apart." error={errors["paymentMethod.last4"]}>
                        {(p) => (
                          <Input
                            {...p}
                            name="paymentLast4"
                            inputMode="numeric"
                            autoComplete="off"
                            maxLength={4}
                            value={form.paymentLast4}
                            onChange={set("paymentLast4")}
                            className="max-w-24"
                          />
                        )}
                      </Field>
                    ) : null}
                  </>
                ) : null}
              </StepBody>
            ) : null}

            {step === 3 ? (
              <StepBody title="Review" description="Creating the client sets up its organization and a default collection, and emails the owner's invitation.">
                <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
                  <Summary label="Organization name" value={form.name} />
                  <Summary label="Billing email" value={form.billingEmail} />
                  <Summary label="Plan" value={PLAN_LABELS[form.plan]} />
                  <Summary label="Seats" value={Number(form.seats).toLocaleString("en-US")} />
                  <Summary label="Owner" value={form.ownerEmail} />
                  <Summary
                    label="Payment method"
                    value={
                      form.paymentKind
                        ? `${PAYMENT_METHOD_LABELS[form.paymentKind]} — ${form.paymentLabel}${form.paymentLast4 ? ` ending ${form.paymentLast4}` : ""}`
                        : "None (provider invoice)"
                    }
                  />
                </dl>
              </StepBody>
            ) : null}

            <div className="flex items-center justify-between border-t border-slate-200 pt-4">
              {step > 0 ? (
                <Button variant="secondary" onClick={() => setStep((s) => Math.max(0, s - 1) as Step)} disabled={pending}>
                  Back
                </Button>
              ) : (
                <span />
              )}
              {step < 3 ? (
                <Button type="submit">Continue</Button>
              ) : (
                <Button onClick={create} disabled={pending}>
                  {pending ? <Spinner label="Creating the client" /> : null}
                  Create client
                </Button>
              )}
            </div>
          </form>
        </CardBody>
      </Card>
    </div>
  );
}

function StepBody({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <div className="space-y-5">
      <div>
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        <p className="mt-0.5 text-sm text-slate-600">{description}</p>
      </div>
      {children}
    </div>
  );
}

function Summary({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium break-words text-slate-900">{value}</dd>
    </div>
  );
}
