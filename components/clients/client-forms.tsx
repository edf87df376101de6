"use client";
// Forms on a client's page: name and plan (Provider Admins), seats (every provider member, within
// what their role allows), and removing the client (Provider Admins).
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Unlink } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, Input, Select } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError } from "@/lib/client/api";
import { zodFieldErrors } from "@/lib/client/field-errors";
import { CLIENT_PLANS, PLAN_LABELS, updateClientSchema, type Plan } from "@/lib/services/clients/schemas";

function usePatch(providerId: string, organizationId: string) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  async function submit(body: Record<string, unknown>, success: string): Promise<void> {
    const local = zodFieldErrors(updateClientSchema.safeParse(body));
    setErrors(local);
    setError(undefined);
    if (Object.keys(local).length) return;
    setPending(true);
    try {
      await api(`/api/v1/providers/${providerId}/clients/${organizationId}`, { method: "PATCH", body });
      toast.success(success);
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(e.fields ?? {});
        setError(e.message);
      } else setError("Something went wrong. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }
  return { pending, errors, error, submit };
}

export function ClientDetailsForm({ providerId, client }: { providerId: string; client: { id: string; name: string; plan: Plan } }) {
  const [name, setName] = useState(client.name);
  const [plan, setPlan] = useState<string>(CLIENT_PLANS.includes(client.plan as (typeof CLIENT_PLANS)[number]) ? client.plan : "");
  const { pending, errors, error, submit } = usePatch(providerId, client.id);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body: Record<string, unknown> = {};
    if (name !== client.name) body.name = name;
    if (plan && plan !== client.plan) body.plan = plan;
    if (Object.keys(body).length === 0) return void toast.info("Nothing to save: the name and plan are unchanged.");
    void submit(body, "Client details saved.");
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field label="Organization name" error={errors.name}>
        {(p) => <Input {...p} name="name" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field
        label="Plan"
        hint={plan ? "Plan changes are billed from the day they are made." : `Currently ${PLAN_LABELS[client.plan]}; choose a plan to move it to.`}
        error={errors.plan}
      >
        {(p) => (
          <Select {...p} name="plan" value={plan} onChange={(e) => setPlan(e.target.value)} className="max-w-xs">
            {plan ? null : <option value="">{PLAN_LABELS[client.plan]} (current)</option>}
            {CLIENT_PLANS.map((value) => (
              <option key={value} value={value}>
                {PLAN_LABELS[value]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? <Spinner label="Saving" /> : null}
        Save details
      </Button>
    </form>
  );
}

export function ClientSeatsForm({
  providerId,
  client,
  canPurchase,
  maxWithoutPurchase,
}: {
  providerId: string;
  client: { id: string; seats: number; occupiedSeats: number };
  /** Provider Admins may add seats; Service Users only up to what needs no purchase. */
  canPurchase: boolean;
  /** The most seats the client can have without a purchase (the seat minimum's remainder, or its current seats). */
  maxWithoutPurchase: number;
}) {
  const [seats, setSeats] = useState(String(client.seats));
  const { pending, errors, error, submit } = usePatch(providerId, client.id);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const value = seats.trim() === "" ? Number.NaN : Number(seats);
    if (value === client.seats) return void toast.info("The seat count is unchanged.");
    void submit({ seats: value }, `Seats changed from ${client.seats} to ${value}.`);
  }
  const hint = canPurchase
    ? `At least ${client.occupiedSeats}, the seats its members occupy.`
    : maxWithoutPurchase > client.seats
      ? `Between ${client.occupiedSeats} (occupied) and ${maxWithoutPurchase} (what the provider's seat minimum still covers). More seats are a purchase: ask a Provider Admin.`
      : `You can lower seats to as few as ${client.occupiedSeats} (occupied). Adding seats needs a purchase: ask a Provider Admin.`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field label="Seats" hint={hint} error={errors.seats}>
        {(p) => (
          <Input
            {...p}
            type="number"
            name="seats"
            min={Math.max(1, client.occupiedSeats)}
            max={canPurchase ? undefined : maxWithoutPurchase}
            step={1}
            inputMode="numeric"
            value={seats}
            onChange={(e) => setSeats(e.target.value)}
            className="max-w-40"
          />
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? <Spinner label="Saving" /> : null}
        Change seats
      </Button>
    </form>
  );
}

export function RemoveClientButton({ providerId, providerName, client }: { providerId: string; providerName: string; client: { id: string; name: string } }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger">
          <Unlink aria-hidden /> Remove client
        </Button>
      }
      title={`Remove ${client.name} from ${providerName}?`}
      description="The organization is detached from your provider, not deleted."
      confirmLabel="Remove client"
      onConfirm={async () => {
        await api(`/api/v1/providers/${providerId}/clients/${client.id}`, { method: "DELETE" });
        toast.success(`${client.name} is no longer a client of ${providerName}.`);
        router.push(`/providers/${providerId}`);
        router.refresh();
      }}
    >
      <ul className="list-disc space-y-1 pl-5">
        <li>It keeps its members, collections, policies and vault data.</li>
        <li>It becomes self-billed: its own Owners pay for it from now on, and it leaves your provider&apos;s invoices and seat totals.</li>
        <li>Nobody at {providerName} can open its admin console any more, unless they are one of its own members.</li>
        <li>It needs a confirmed Owner to run it afterwards; without one, removal is refused.</li>
      </ul>
    </ConfirmDialog>
  );
}
