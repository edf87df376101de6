"use client";
// "Verify log": walks the hash chain through the API in slices, with a progress bar, and says
// plainly whether the log is intact or where it was altered.
import { useRef, useState } from "react";
import { ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/spinner";
import { api, errorMessage } from "@/lib/client/api";

interface VerifyResult {
  valid: boolean;
  checked: number;
  total: number;
  firstBrokenEventId: string | null;
  reason: "hash_mismatch" | "missing_events" | "link_mismatch" | "missing_tail" | "missing_head" | null;
  nextCursor: string | null;
}

type State = { kind: "idle" } | { kind: "running"; checked: number; total: number } | { kind: "done"; result: VerifyResult } | { kind: "failed"; message: string };

const SLICE = 20_000;

const REASONS: Record<NonNullable<VerifyResult["reason"]>, string> = {
  hash_mismatch: "its content was changed after it was written",
  missing_events: "events before it were deleted",
  link_mismatch: "it no longer follows the event before it (events were deleted or replaced)",
  missing_tail: "the newest events were deleted",
  missing_head: "the log's chain record was deleted",
};

export function VerifyLog({ verifyPath, hint }: { verifyPath: string; hint: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const cancelled = useRef(false);

  async function verify() {
    cancelled.current = false;
    setState({ kind: "running", checked: 0, total: 0 });
    try {
      let cursor: string | null = null;
      for (;;) {
        const query = new URLSearchParams({ limit: String(SLICE), ...(cursor ? { cursor } : {}) });
        const result: VerifyResult = await api<VerifyResult>(`${verifyPath}?${query}`);
        if (cancelled.current) return;
        if (!result.nextCursor) {
          setState({ kind: "done", result });
          return;
        }
        setState({ kind: "running", checked: result.checked, total: result.total });
        cursor = result.nextCursor;
      }
    } catch (error) {
      setState({ kind: "failed", message: errorMessage(error) });
    }
  }

  function cancel() {
    cancelled.current = true;
    setState({ kind: "idle" });
  }

  const running = state.kind === "running";
  return (
    <section aria-labelledby="verify-log-title" className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-3">
        <ShieldCheck aria-hidden className="size-5 text-brand-600" />
        <div className="min-w-0 flex-1">
          <h2 id="verify-log-title" className="text-sm font-semibold text-slate-900">
            Tamper evidence
          </h2>
          <p className="text-sm text-slate-600">{hint}</p>
        </div>
        {running ? (
          <Button variant="ghost" onClick={cancel}>
            Cancel
          </Button>
        ) : null}
        <Button variant="secondary" onClick={verify} disabled={running}>
          {running ? "Verifying…" : "Verify log"}
        </Button>
      </div>
      <div aria-live="polite">
        {state.kind === "running" ? (
          <div className="mt-3">
            <ProgressBar value={state.checked} max={state.total || 1} label={`Verified ${state.checked.toLocaleString()} of ${state.total ? state.total.toLocaleString() : "…"} events`} />
          </div>
        ) : null}
        {state.kind === "done" && state.result.valid ? (
          <Alert tone="success" className="mt-3" title="The log is intact">
            All {state.result.checked.toLocaleString()} events were verified: none was changed or deleted.
          </Alert>
        ) : null}
        {state.kind === "done" && !state.result.valid ? (
          <Alert tone="danger" className="mt-3" title="The log has been tampered with">
            {state.result.firstBrokenEventId
              ? `The chain breaks at event #${state.result.firstBrokenEventId}: ${REASONS[state.result.reason!]}.`
              : `The chain breaks after ${state.result.checked.toLocaleString()} verified events: ${REASONS[state.result.reason!]}.`}{" "}
            {state.result.checked.toLocaleString()} events before it are intact.
          </Alert>
        ) : null}
        {state.kind === "failed" ? (
          <Alert tone="danger" className="mt-3" title="The log could not be verified">
            {state.message}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
