"use client";
// The client list's bulk actions (Provider Admins): disable, enable, apply a policy template, export
// as CSV — for the clients ticked on this page, or for all clients matching the search. Actions on
// a whole search run on the server in batches, streaming progress to the bar below.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Download, Power, PowerOff, ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Label, Select } from "@/components/ui/form";
import { ProgressBar } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/client/api";
import { postWithProgress, type Progress } from "@/lib/client/progress";
import { useSelection } from "./selection";

export interface BulkResult {
  total: number;
  applied: number;
  unchanged: number;
  failed: number;
  results: { id: string; name: string; result: "applied" | "unchanged" | "failed"; error?: { message: string } }[];
}

const n = (value: number) => value.toLocaleString("en-US");

/** What a bulk request names: the ticked ids, or every client matching the search. */
export function selectionBody(selection: { ids: Set<string>; all: boolean }, q: string | undefined) {
  return selection.all ? { query: q ? { q } : {} } : { organizationIds: [...selection.ids] };
}

export function BulkOutcome({ result, verb }: { result: BulkResult; verb: string }) {
  const failures = result.results.filter((r) => r.result === "failed");
  return (
    <Alert tone={result.failed ? "warning" : "success"} title={`${verb}: ${n(result.applied)} changed, ${n(result.unchanged)} unchanged, ${n(result.failed)} failed`}>
      {failures.length ? (
        <ul className="mt-1 list-disc pl-5">
          {failures.map((f) => (
            <li key={f.id}>
              {f.name}: {f.error?.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

export function BulkActionBar({ providerId, q, matching, templates }: { providerId: string; q?: string; matching: number; templates: { id: string; name: string }[] }) {
  const router = useRouter();
  const selection = useSelection();
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? "");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<{ verb: string; result: BulkResult } | null>(null);
  const [error, setError] = useState<string>();
  const count = selection.all ? matching : selection.ids.size;
  const pageFullySelected = selection.pageIds.length > 0 && selection.pageIds.every((id) => selection.ids.has(id));
  const what = selection.all ? `all ${n(matching)} ${q ? "matching clients" : "clients"}` : `${n(count)} selected ${count === 1 ? "client" : "clients"}`;

  /** Started from a confirmation dialog that closes at once, so the progress bar is visible while it runs. */
  async function run(action: "disable" | "enable" | "apply_template", verb: string) {
    setOutcome(null);
    setError(undefined);
    setProgress({ done: 0, total: count });
    try {
      const body = { action, ...(action === "apply_template" ? { templateId } : {}), ...selectionBody(selection, q) };
      const result = await postWithProgress<BulkResult>(`/api/v1/providers/${providerId}/clients/bulk`, body, setProgress);
      setOutcome({ verb, result });
      selection.clear();
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  }

  const exportHref = (() => {
    const sp = new URLSearchParams();
    if (selection.all) {
      if (q) sp.set("q", q);
    } else for (const id of selection.ids) sp.append("ids", id);
    const s = sp.toString();
    return `/api/v1/providers/${providerId}/clients/export${s ? `?${s}` : ""}`;
  })();

  return (
    <div className="space-y-3 border-b border-slate-200 px-4 py-3" aria-label="Bulk actions" role="region">
      {count === 0 ? (
        <p className="text-sm text-slate-600">Tick clients to disable, enable, apply a policy template to or export them.</p>
      ) : (
        <div className="flex flex-wrap items-end gap-2">
          <p className="mr-2 text-sm font-medium text-slate-800" aria-live="polite">
            {what}
          </p>
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm" disabled={progress !== null}>
                <PowerOff aria-hidden /> Disable
              </Button>
            }
            title={`Disable ${what}?`}
            description="Their members lose access to the organization until you enable it again. Your provider's members keep access."
            confirmLabel="Disable"
            onConfirm={async () => void run("disable", "Disable")}
          />
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm" disabled={progress !== null}>
                <Power aria-hidden /> Enable
              </Button>
            }
            title={`Enable ${what}?`}
            description="Their members get their access back."
            variant="primary"
            confirmLabel="Enable"
            onConfirm={async () => void run("enable", "Enable")}
          />
          {templates.length ? (
            <div className="flex items-end gap-2">
              <div>
                <Label htmlFor="bulk-template" className="text-xs">
                  Policy template
                </Label>
                <Select id="bulk-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)} className="h-8 w-48">
                  {templates.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </Select>
              </div>
              <ConfirmDialog
                trigger={
                  <Button variant="secondary" size="sm" disabled={progress !== null}>
                    <ShieldCheck aria-hidden /> Apply template
                  </Button>
                }
                title={`Apply “${templates.find((t) => t.id === templateId)?.name ?? ""}” to ${what}?`}
                description="Each client's policies are set as the template says. Turning on two-step login revokes members without it, as when you save the policy by hand."
                variant="primary"
                confirmLabel="Apply"
                onConfirm={async () => void run("apply_template", "Apply template")}
              />
            </div>
          ) : null}
          <ButtonLink href={exportHref} size="sm" prefetch={false}>
            <Download aria-hidden /> Export CSV
          </ButtonLink>
          <Button variant="ghost" size="sm" onClick={selection.clear}>
            Clear selection
          </Button>
        </div>
      )}
      {pageFullySelected && !selection.all && matching > selection.pageIds.length ? (
        <p className="text-sm text-slate-700">
          All {n(selection.pageIds.length)} clients on this page are selected.{" "}
          <button type="button" className="font-medium text-brand-700 underline" onClick={() => selection.setAll(true)}>
            Select all {n(matching)} {q ? "clients matching the search" : "clients"}
          </button>
        </p>
      ) : null}
      {progress ? <ProgressBar value={progress.done} max={progress.total} label={`Working: ${n(progress.done)} of ${n(progress.total)} clients`} /> : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {outcome ? <BulkOutcome verb={outcome.verb} result={outcome.result} /> : null}
    </div>
  );
}
