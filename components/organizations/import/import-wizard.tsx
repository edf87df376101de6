"use client";
// Import in three steps: choose a Bitwarden export, check the preview (counts per type, collections
// that will be created), then import with progress — the upload first, then the server's progress
// while it encrypts and writes everything in one transaction.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FileUp, RotateCcw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Label } from "@/components/ui/form";
import { ProgressBar } from "@/components/ui/spinner";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ApiError } from "@/lib/client/api";
import { upload } from "@/lib/client/upload";
import { ITEM_TYPE_PLURAL, ITEM_TYPES, type ItemType } from "../labels";

interface Summary {
  format: "bitwarden-json" | "bitwarden-csv";
  imported: number;
  byType: Record<ItemType, number>;
  collections: { name: string; items: number; exists: boolean }[];
}

type Step =
  | { kind: "choose" }
  | { kind: "checking"; sent: number; total: number }
  | { kind: "preview"; summary: Summary }
  | { kind: "importing"; sent: number; total: number; written: number; items: number }
  | { kind: "done"; summary: Summary & { collectionsCreated: string[] } };

const FORMAT = { "bitwarden-json": "Bitwarden JSON", "bitwarden-csv": "Bitwarden CSV" } as const;

function contentTypeOf(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith(".json") || file.type === "application/json") return "application/json";
  if (name.endsWith(".csv") || file.type === "text/csv") return "text/csv";
  return null;
}

export function ImportWizard({ organizationId, maxMegabytes }: { organizationId: string; maxMegabytes: number }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const [error, setError] = useState<string>();
  const url = `/api/v1/organizations/${organizationId}/import`;

  async function check(chosen: File) {
    setError(undefined);
    const contentType = contentTypeOf(chosen);
    if (!contentType) return setError("Choose a .json or .csv file exported from Bitwarden.");
    if (chosen.size > maxMegabytes * 1024 * 1024) return setError(`The file is larger than ${maxMegabytes} MB. Split the export and import it in parts.`);
    setStep({ kind: "checking", sent: 0, total: chosen.size });
    try {
      const summary = await upload<Summary>(`${url}?preview=true`, chosen, { contentType, onUploadProgress: (sent, total) => setStep({ kind: "checking", sent, total }) });
      setStep({ kind: "preview", summary });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "The file could not be checked. Try again.");
      setStep({ kind: "choose" });
    }
  }

  async function run(chosen: File, items: number) {
    setError(undefined);
    const contentType = contentTypeOf(chosen)!;
    setStep({ kind: "importing", sent: 0, total: chosen.size, written: 0, items });
    try {
      const summary = await upload<Summary & { collectionsCreated: string[] }>(url, chosen, {
        contentType,
        onUploadProgress: (sent, total) => setStep((s) => (s.kind === "importing" ? { ...s, sent, total } : s)),
        onLine: (line) => {
          const progress = (line as { progress?: { done: number; total: number } }).progress;
          if (progress) setStep((s) => (s.kind === "importing" ? { ...s, sent: s.total, written: progress.done, items: progress.total } : s));
        },
      });
      setStep({ kind: "done", summary });
      router.refresh();
    } catch (e) {
      setError(`${e instanceof ApiError ? e.message : "The import failed."} Nothing was imported.`);
      setStep({ kind: "choose" });
    }
  }

  function reset() {
    setFile(null);
    setError(undefined);
    setStep({ kind: "choose" });
  }

  return (
    <Card>
      <CardHeader title="Import a Bitwarden export" description="An unencrypted JSON export (with folders, or an organization export with collections) or a CSV export. Folders and collections become collections here." />
      <CardBody className="space-y-5">
        {error ? (
          <Alert tone="danger" title="The file cannot be imported">
            {error}
          </Alert>
        ) : null}
        {step.kind === "choose" || step.kind === "checking" ? (
          <div className="space-y-3">
            <Label htmlFor="import-file">Export file (.json or .csv, at most {maxMegabytes} MB)</Label>
            <input
              id="import-file"
              type="file"
              accept=".json,.csv,application/json,text/csv"
              disabled={step.kind === "checking"}
              className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-medium file:text-brand-700 hover:file:bg-brand-100"
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                if (chosen) void check(chosen);
              }}
            />
            {step.kind === "checking" ? <ProgressBar value={step.sent} max={step.total} label={step.sent < step.total ? "Uploading for the preview" : "Checking every item"} /> : null}
          </div>
        ) : null}

        {step.kind === "preview" && file ? (
          <div className="space-y-4">
            <p className="text-sm text-slate-700">
              <strong>{file.name}</strong> is a valid {FORMAT[step.summary.format]} export. Nothing has been imported yet.
            </p>
            <SummaryView summary={step.summary} />
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="secondary" onClick={reset}>
                <RotateCcw aria-hidden /> Choose another file
              </Button>
              <Button onClick={() => run(file, step.summary.imported)}>
                <FileUp aria-hidden /> Import {step.summary.imported.toLocaleString("en-US")} items
              </Button>
            </div>
          </div>
        ) : null}

        {step.kind === "importing" ? (
          <div className="space-y-3" aria-live="polite">
            <ProgressBar value={step.sent} max={step.total} label="Uploading" />
            <ProgressBar value={step.written} max={step.items} label={`Encrypting and saving: ${step.written.toLocaleString("en-US")} of ${step.items.toLocaleString("en-US")} items`} />
            <p className="text-xs text-slate-500">Everything is saved in one step: if anything fails, nothing is imported.</p>
          </div>
        ) : null}

        {step.kind === "done" ? (
          <div className="space-y-4">
            <Alert tone="success" title={`Imported ${step.summary.imported.toLocaleString("en-US")} items`}>
              {step.summary.collectionsCreated.length
                ? `Created ${step.summary.collectionsCreated.length} collection${step.summary.collectionsCreated.length === 1 ? "" : "s"}: ${step.summary.collectionsCreated.join(", ")}.`
                : "All items went into existing collections."}
            </Alert>
            <SummaryView summary={step.summary} done />
            <div className="flex justify-end">
              <Button variant="secondary" onClick={reset}>
                Import another file
              </Button>
            </div>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

function SummaryView({ summary, done = false }: { summary: Summary; done?: boolean }) {
  return (
    <>
      <StatGrid>
        {ITEM_TYPES.map((t) => (
          <Stat key={t} label={ITEM_TYPE_PLURAL[t]} value={summary.byType[t].toLocaleString("en-US")} />
        ))}
      </StatGrid>
      <div className="overflow-hidden rounded-md ring-1 ring-slate-200">
        <Table caption="Collections the items go into">
          <THead>
            <tr>
              <TH>Collection</TH>
              <TH className="text-right">Items</TH>
              <TH>
                <span className="sr-only">New or existing</span>
              </TH>
            </tr>
          </THead>
          <TBody>
            {summary.collections.map((c) => (
              <TR key={c.name}>
                <TD className="font-medium text-slate-900">{c.name}</TD>
                <TD className="tabular text-right">{c.items.toLocaleString("en-US")}</TD>
                <TD>{c.exists ? <Badge>Existing</Badge> : <Badge tone="brand">{done ? "Created" : "Will be created"}</Badge>}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}
