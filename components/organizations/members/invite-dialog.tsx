"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { UserPlus } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { Field, Select, Textarea } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError } from "@/lib/client/api";
import { ROLE_LABEL, ROLES, type OrgRole } from "../labels";

interface InviteResponse {
  results: ({ email: string; result: "invited"; mailSent: boolean } | { email: string; result: "already_member"; status: string })[];
  seats: { total: number; occupied: number };
}

export function InviteMembersDialog({ organizationId, canManageOwners, seatsFree }: { organizationId: string; canManageOwners: boolean; seatsFree: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [emails, setEmails] = useState("");
  const [role, setRole] = useState<OrgRole>("USER");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setFields({});
    try {
      const res = await api<InviteResponse>(`/api/v1/organizations/${organizationId}/members`, { body: { emails, role } });
      const invited = res.results.filter((r) => r.result === "invited");
      const skipped = res.results.filter((r) => r.result === "already_member");
      const unsent = invited.filter((r) => r.result === "invited" && !r.mailSent);
      toast.success(`Invited ${invited.length} ${invited.length === 1 ? "person" : "people"} as ${ROLE_LABEL[role]}.`);
      if (skipped.length) toast.info(`Already members, skipped: ${skipped.map((s) => s.email).join(", ")}`);
      if (unsent.length) toast.warning(`The invitation mail could not be sent to ${unsent.map((s) => s.email).join(", ")}. Re-send it from the list.`);
      setOpen(false);
      setEmails("");
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.message);
        setFields(Object.fromEntries(Object.entries(e.fields ?? {}).map(([k, v]) => [k.startsWith("emails") ? "emails" : k, k.startsWith("emails.") ? `Entry ${Number(k.split(".")[1]) + 1}: ${v}` : v])));
      } else setError("Something went wrong. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden /> Invite members
        </Button>
      </DialogTrigger>
      <DialogContent title="Invite members" description="Each person gets an email with a link to join. Invited members take a seat right away.">
        <form onSubmit={submit} className="space-y-4" noValidate>
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <Field label="Email addresses" hint={`Separate addresses with commas, spaces or new lines. ${seatsFree} seat${seatsFree === 1 ? "" : "s"} free.`} error={fields.emails}>
            {(p) => <Textarea {...p} rows={4} value={emails} onChange={(e) => setEmails(e.target.value)} placeholder="ana@example.com, ben@example.com" />}
          </Field>
          <Field label="Role" error={fields.role} hint={canManageOwners ? undefined : "Only owners can invite owners."}>
            {(p) => (
              <Select {...p} value={role} onChange={(e) => setRole(e.target.value as OrgRole)}>
                {ROLES.filter((r) => r !== "OWNER" || canManageOwners).map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? <Spinner label="Inviting" /> : null}
              Send invitations
            </Button>
          </div>
        </form>
      </DialogContent>
    </DialogRoot>
  );
}
