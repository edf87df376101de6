"use client";
// On a template's page: apply it to the clients ticked in the drift table, or to all clients, with
// the server's progress streamed into a progress bar and the per-client outcome afterwards.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ShieldCheck } from "lucide-react";
import { BulkOutcome, type BulkResult } from "@/components/clients/bulk-action-bar";
import { useSelection } from "@/components/clients/selection";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ProgressBar } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/client/api";
import { postWithProgress, type Progress } from "@/lib/client/progress";

const n = (value: number) => value.toLocaleString("en-US");

export function ApplyBar({ providerId, templateId, templateName, clients }: { providerId: string; templateId: string; templateName: string; clients: number }) {
  const router = useRouter();
  const selection = useSelection();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<BulkResult | null>(null);
  const [error, setError] = useState<string>();
  const selected = selection.ids.size;

  async function run(body: { organizationIds: string[] } | { all: true }, total: number) {
    setOutcome(null);
    setError(undefined);
    setProgress({ done: 0, total });
    try {
      setOutcome(await postWithProgress<BulkResult>(`/api/v1/providers/${providerId}/policy-templates/${templateId}/apply`, body, setProgress));
      selection.clear();
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  }

  const consequences = "Each client's policies are set as the template says, one client at a time; a client that cannot take them keeps its own and is listed. Turning on two-step login revokes members without it.";
  return (
    <div className="space-y-3 border-b border-slate-200 px-4 py-3" role="region" aria-label="Apply the template">
      <div className="flex flex-wrap items-center gap-2">
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="secondary" disabled={selected === 0 || progress !== null}>
              <ShieldCheck aria-hidden /> Apply to selected{selected ? ` (${n(selected)})` : ""}
            </Button>
          }
          title={`Apply “${templateName}” to ${n(selected)} ${selected === 1 ? "client" : "clients"}?`}
          description={consequences}
          variant="primary"
          confirmLabel="Apply"
          onConfirm={async () => void run({ organizationIds: [...selection.ids] }, selected)}
        />
        <ConfirmDialog
          trigger={
            <Button size="sm" disabled={clients === 0 || progress !== null}>
              <ShieldCheck aria-hidden /> Apply to all {n(clients)} clients
            </Button>
          }
          title={`Apply “${templateName}” to all ${n(clients)} clients?`}
          description={consequences}
          variant="primary"
          confirmLabel="Apply to all"
          onConfirm={async () => void run({ all: true }, clients)}
        />
      </div>
      {progress ? <ProgressBar value={progress.done} max={progress.total} label={`Applying: ${n(progress.done)} of ${n(progress.total)} clients`} /> : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {outcome ? <BulkOutcome verb="Applied" result={outcome} /> : null}
    </div>
  );
}
