"use client";
// "Client access" of a Service User: every client of the provider, or only selected ones. The
// picker searches the client list on the server (ten at a time), so it works at 100,000 clients;
// the member's current assignments are read page by page (at most a few thousand).
import { X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { EntityPicker, type PickerOption } from "@/components/ui/entity-picker";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError } from "@/lib/client/api";

interface ScopePage {
  clientScoped: boolean;
  clientCount: number;
  data: { id: string; name: string }[];
  nextCursor: string | null;
}

export function clientAccessLabel(access: { scoped: boolean; clients: number }): string {
  if (!access.scoped) return "All clients";
  return `${access.clients.toLocaleString("en-US")} client${access.clients === 1 ? "" : "s"}`;
}

export function ClientAccessDialog({
  providerId,
  member,
}: {
  providerId: string;
  member: { id: string; label: string; clientAccess: { scoped: boolean; clients: number } };
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [scoped, setScoped] = useState(member.clientAccess.scoped);
  const [clients, setClients] = useState<PickerOption[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const scopeUrl = `/api/v1/providers/${providerId}/users/${member.id}/scope`;

  const searchClients = useCallback(
    async (q: string): Promise<PickerOption[]> => {
      const params = new URLSearchParams({ limit: "10", ...(q ? { q } : {}) });
      const res = await api<{ data: { id: string; name: string; seats: number }[] }>(`/api/v1/providers/${providerId}/clients?${params}`);
      return res.data.map((c) => ({ id: c.id, label: c.name, description: `${c.seats.toLocaleString("en-US")} seats` }));
    },
    [providerId],
  );

  async function start() {
    setError(undefined);
    setLoading(true);
    try {
      const assigned: PickerOption[] = [];
      let cursor: string | null = null;
      let current: ScopePage;
      do {
        const params = new URLSearchParams({ limit: "200", ...(cursor ? { cursor } : {}) });
        current = await api<ScopePage>(`${scopeUrl}?${params}`);
        assigned.push(...current.data.map((c) => ({ id: c.id, label: c.name })));
        cursor = current.nextCursor;
      } while (cursor);
      setScoped(current.clientScoped);
      setClients(assigned);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not load the member's client access.");
    } finally {
      setLoading(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await api(scopeUrl, { method: "PUT", body: { clientScoped: scoped, organizationIds: scoped ? clients.map((c) => c.id) : [] } });
      toast.success(scoped ? `${member.label} now works on ${clientAccessLabel({ scoped: true, clients: clients.length })}.` : `${member.label} now works on all clients.`);
      setOpen(false);
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Something went wrong. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void start();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary" aria-label={`Client access of ${member.label}: ${clientAccessLabel(member.clientAccess)}`}>
          {clientAccessLabel(member.clientAccess)}
        </Button>
      </DialogTrigger>
      <DialogContent title={`Client access of ${member.label}`} description="A Service User can work on every client of the provider, or only on the clients you select." className="max-w-xl">
        {loading ? (
          <Spinner label="Loading client access" />
        ) : (
          <form onSubmit={submit} className="space-y-5" noValidate>
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">Which clients</legend>
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input type="radio" name="client-access" className="mt-0.5 accent-brand-600" checked={!scoped} onChange={() => setScoped(false)} />
                <span>
                  All clients
                  <span className="block text-xs text-slate-500">Including clients added later.</span>
                </span>
              </label>
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input type="radio" name="client-access" className="mt-0.5 accent-brand-600" checked={scoped} onChange={() => setScoped(true)} />
                <span>
                  Selected clients
                  <span className="block text-xs text-slate-500">Other clients are hidden from them, in the portal and for their API keys.</span>
                </span>
              </label>
            </fieldset>
            {scoped ? (
              <section aria-label="Selected clients" className="space-y-2">
                <EntityPicker label="Add a client" placeholder="Search clients by name" search={searchClients} exclude={clients.map((c) => c.id)} onPick={(o) => setClients((list) => [...list, o])} />
                {clients.length === 0 ? (
                  <p className="rounded-md border border-dashed border-slate-300 px-3 py-4 text-center text-sm text-slate-600">
                    No clients selected: {member.label} will see no clients until you add some.
                  </p>
                ) : (
                  <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200">
                    {clients.map((c) => (
                      <li key={c.id} className="flex items-center gap-3 px-3 py-2">
                        <span className="min-w-0 flex-1 truncate text-sm font-medium text-slate-900">{c.label}</span>
                        <Button variant="ghost" size="sm" aria-label={`Remove ${c.label}`} onClick={() => setClients((list) => list.filter((x) => x.id !== c.id))}>
                          <X aria-hidden />
                        </Button>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? <Spinner label="Saving" /> : null}
                Save client access
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </DialogRoot>
  );
}
