// One API operation on the developer page: a disclosure (works without JavaScript) with who may call
// it, whether API keys may, its parameters, body fields, responses and a curl example.
import { KeyRound } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, TBody, TD, TH, THead } from "@/components/ui/table";
import { describeConstraints, describeType, type ReferenceOperation } from "@/lib/api/openapi/reference";
import { SchemaFields } from "./schema-fields";

const METHOD_TONE: Record<string, BadgeTone> = { GET: "info", POST: "success", PUT: "warning", PATCH: "warning", DELETE: "danger" };

export function MethodBadge({ method }: { method: string }) {
  return (
    <Badge tone={METHOD_TONE[method] ?? "neutral"} className="w-16 justify-center font-mono">
      {method}
    </Badge>
  );
}

/** Turns `code` spans of the generated descriptions into <code>. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split("\n\n").map((paragraph, i) => (
        <p key={i}>
          {paragraph.split(/(`[^`]+`)/).map((part, j) =>
            part.startsWith("`") && part.endsWith("`") ? (
              <code key={j} className="rounded bg-slate-100 px-1 py-0.5 text-xs">
                {part.slice(1, -1)}
              </code>
            ) : (
              part
            ),
          )}
        </p>
      ))}
    </>
  );
}

export function Operation({ op }: { op: ReferenceOperation }) {
  return (
    <details id={op.id} className="group rounded-lg bg-white ring-1 ring-slate-200 open:shadow-sm">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-3 px-4 py-3 hover:bg-slate-50">
        <MethodBadge method={op.method} />
        <code className="text-sm font-medium break-all text-slate-900">{op.path}</code>
        <span className="text-sm text-slate-600">{op.summary}</span>
        {op.apiKeyRoles.length ? (
          <span className="ml-auto inline-flex items-center gap-1 text-xs font-medium text-brand-700">
            <KeyRound aria-hidden className="size-3.5" /> API key
          </span>
        ) : null}
      </summary>
      <div className="space-y-5 border-t border-slate-200 px-4 py-4 text-sm text-slate-700">
        <div className="space-y-2">
          <Prose text={op.description} />
        </div>
        {op.parameters.length ? (
          <section aria-label={`Parameters of ${op.method} ${op.path}`}>
            <h3 className="mb-2 font-semibold text-slate-900">Parameters</h3>
            <div className="rounded-md ring-1 ring-slate-200">
              <Table caption={`Parameters of ${op.method} ${op.path}`}>
                <THead>
                  <tr>
                    <TH>Name</TH>
                    <TH>In</TH>
                    <TH>Type</TH>
                    <TH>Notes</TH>
                  </tr>
                </THead>
                <TBody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}:${p.name}`}>
                      <TD>
                        <code className="font-semibold text-slate-900">{p.name}</code>
                        {p.required ? <span className="ml-2 text-xs font-medium text-red-700">required</span> : null}
                      </TD>
                      <TD>{p.in}</TD>
                      <TD>{describeType(p.schema)}</TD>
                      <TD className="text-xs text-slate-600">{describeConstraints(p.schema).join(" · ")}</TD>
                    </tr>
                  ))}
                </TBody>
              </Table>
            </div>
          </section>
        ) : null}
        {op.body ? (
          <section aria-label={`Request body of ${op.method} ${op.path}`}>
            <h3 className="mb-2 font-semibold text-slate-900">
              Request body <span className="font-normal text-slate-500">({op.body.contentTypes.join(" or ")})</span>
            </h3>
            {op.body.schema ? <SchemaFields schema={op.body.schema} /> : <p>The file itself.</p>}
          </section>
        ) : null}
        <section aria-label={`Responses of ${op.method} ${op.path}`}>
          <h3 className="mb-2 font-semibold text-slate-900">Responses</h3>
          <dl className="grid grid-cols-[4rem_1fr] gap-x-3 gap-y-1">
            {op.responses.map((r) => (
              <div key={r.status} className="contents">
                <dt>
                  <code className={r.status.startsWith("2") ? "font-semibold text-emerald-800" : "text-slate-700"}>{r.status}</code>
                </dt>
                <dd className="text-slate-600">
                  <Prose text={r.description} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
        {op.curl ? (
          <section aria-label={`Example request for ${op.method} ${op.path}`}>
            <div className="mb-2 flex items-center justify-between gap-2">
              <h3 className="font-semibold text-slate-900">Example</h3>
              <CopyButton text={op.curl} label="Copy curl" copiedMessage="Example copied." variant="ghost" />
            </div>
            <CodeBlock label={`curl example for ${op.method} ${op.path}`}>{op.curl}</CodeBlock>
          </section>
        ) : (
          <p className="text-slate-600">Call this from a signed-in browser session; API keys are refused.</p>
        )}
      </div>
    </details>
  );
}
