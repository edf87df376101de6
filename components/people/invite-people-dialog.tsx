"use client";
// Invite one or many people: paste addresses separated by commas or new lines, pick a role, and see
// what happened to each address.
import { CheckCircle2, UserPlus, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { Field, Select, Textarea } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { api, ApiError } from "@/lib/client/api";
import { PROVIDER_ROLE_LABEL } from "./member-badges";

type Outcome =
  | { email: string; result: "invited"; id: string; mailed: boolean }
  | { email: string; result: "invalid" | "duplicate" | "already_member"; message: string };

export function InvitePeopleDialog({ providerId }: { providerId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [emails, setEmails] = useState("");
  const [role, setRole] = useState<"SERVICE_USER" | "PROVIDER_ADMIN">("SERVICE_USER");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>();

  function reset(next: boolean) {
    setOpen(next);
    if (!next) {
      setEmails("");
      setOutcomes(undefined);
      setError(undefined);
      setFields({});
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setFields({});
    try {
      const result = await api<{ data: Outcome[]; invited: number }>(`/api/v1/providers/${providerId}/users/invite`, { body: { emails, role } });
      setOutcomes(result.data);
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

  const invited = outcomes?.filter((o) => o.result === "invited").length ?? 0;

  return (
    <DialogRoot open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden /> Invite people
        </Button>
      </DialogTrigger>
      <DialogContent title="Invite people" description="Each person gets an email with a link to accept. You confirm them once they have accepted.">
        {outcomes ? (
          <div className="space-y-4">
            <Alert tone={invited > 0 ? "success" : "warning"}>
              {invited > 0 ? `${invited} invitation${invited === 1 ? "" : "s"} sent.` : "Nobody was invited."}
            </Alert>
            <ul aria-label="Invitation results" className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200">
              {outcomes.map((o, i) => (
                <li key={`${o.email}-${i}`} className="flex items-start gap-2 px-3 py-2 text-sm">
                  {o.result === "invited" ? (
                    <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
                  ) : (
                    <XCircle aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
                  )}
                  <div className="min-w-0">
                    <div className="font-medium break-all text-slate-900">{o.email}</div>
                    <div className="text-slate-600">
                      {o.result === "invited" ? (o.mailed ? "Invited" : "Invited, but the mail could not be sent: use Re-invite.") : o.message}
                    </div>
                  </div>
                </li>
              ))}
            </ul>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOutcomes(undefined)}>
                Invite more
              </Button>
              <DialogClose asChild>
                <Button>Done</Button>
              </DialogClose>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} className="space-y-4" noValidate>
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <Field label="Email addresses" error={fields.emails} hint="Separate addresses with commas or new lines. Up to 200 at a time.">
              {(p) => (
                <Textarea
                  {...p}
                  name="emails"
                  rows={5}
                  required
                  value={emails}
                  onChange={(e) => setEmails(e.target.value)}
                  placeholder={"jane@your-msp.com\njohn@your-msp.com"}
                  autoFocus
                />
              )}
            </Field>
            <Field
              label="Role"
              error={fields.role}
              hint={role === "PROVIDER_ADMIN" ? "Manages clients, people, billing and settings." : "Administers client organizations; cannot manage people, billing or settings."}
            >
              {(p) => (
                <Select {...p} name="role" value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
                  <option value="SERVICE_USER">{PROVIDER_ROLE_LABEL.SERVICE_USER}</option>
                  <option value="PROVIDER_ADMIN">{PROVIDER_ROLE_LABEL.PROVIDER_ADMIN}</option>
                </Select>
              )}
            </Field>
            <div className="flex justify-end gap-2 pt-2">
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button type="submit" disabled={pending}>
                {pending ? <Spinner label="Sending invitations" /> : null}
                Send invitations
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </DialogRoot>
  );
}
