// The API reference for developers (any signed-in user): the OpenAPI document of /api/v1, grouped by
// area, with parameters, body fields and curl examples. Rendered on the server from the same document
// as /api/v1/openapi.json, with no external assets.
import type { Metadata } from "next";
import { Download, KeyRound } from "lucide-react";
import { Operation } from "@/components/developers/operation";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument } from "@/lib/api/openapi/document";
import { buildReference } from "@/lib/api/openapi/reference";
import { requirePageUser } from "@/lib/authz/page-guards";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "API reference" };

const slug = (tag: string) => tag.toLowerCase().replace(/[^a-z0-9]+/g, "-");

export default async function DevelopersPage() {
  await requirePageUser();
  const e = env();
  const { document } = await openApiDocument();
  const sections = buildReference(document, e.APP_URL);
  const count = sections.reduce((n, s) => n + s.operations.length, 0);

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 md:px-6">
      <PageHeader
        title="API reference"
        description={`The REST API under /api/v1: ${count} operations. The portal's own pages use it too.`}
        actions={
          <ButtonLink href="/api/v1/openapi.json" prefetch={false}>
            <Download aria-hidden /> openapi.json
          </ButtonLink>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="API sections" className="lg:sticky lg:top-6 lg:self-start">
          <ul className="space-y-1 text-sm">
            <li>
              <a className="block rounded px-2 py-1 text-slate-700 hover:bg-slate-100" href="#getting-started">
                Getting started
              </a>
            </li>
            {sections.map((s) => (
              <li key={s.tag}>
                <a className="flex justify-between rounded px-2 py-1 text-slate-700 hover:bg-slate-100" href={`#${slug(s.tag)}`}>
                  {s.tag} <span className="text-slate-500">{s.operations.length}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0 space-y-10">
          <Card id="getting-started">
            <CardHeader title="Getting started" />
            <CardBody className="space-y-3 text-sm text-slate-700">
              <p>
                <KeyRound aria-hidden className="mr-1 inline size-4 text-brand-700" />
                A Provider Admin creates an API key under <strong>Provider → API keys</strong>, choosing whether it acts as a Provider Admin or a
                Service User. Send it as <code className="rounded bg-slate-100 px-1 py-0.5">Authorization: Bearer pp_…</code>. A key reaches its
                provider&apos;s routes and the routes of the client organizations that provider manages; operations marked “API key” accept it.
              </p>
              <CodeBlock label="A first request">
                {`export PROVIDER_PORTAL_API_KEY=pp_…   # shown once when the key is created\nexport PROVIDER_ID=…                  # from the provider's address: /providers/<id>\ncurl -sS "${e.APP_URL}/api/v1/providers/$PROVIDER_ID/clients?limit=50" \\\n  -H "Authorization: Bearer $PROVIDER_PORTAL_API_KEY"`}
              </CodeBlock>
              <p>
                Errors always answer <code className="rounded bg-slate-100 px-1 py-0.5">{`{"error": {"code", "message", "fields"?}}`}</code>: 400 invalid input
                (with <code>fields</code>), 401 missing, wrong or revoked key, 403 not allowed, 404 unknown id or another tenant&apos;s, 409 conflict, 422
                refused by a business rule, 429 rate limited (each key may make {e.API_KEY_RATE_LIMIT} requests per {e.API_KEY_RATE_WINDOW_SECONDS}{" "}
                seconds; wait for <code>Retry-After</code>). Lists take <code>limit</code> (up to 200) and <code>cursor</code> and answer{" "}
                <code>{`{data, nextCursor}`}</code>.
              </p>
            </CardBody>
          </Card>
          {sections.map((section) => (
            <section key={section.tag} id={slug(section.tag)} aria-labelledby={`${slug(section.tag)}-title`} className="scroll-mt-6">
              <h2 id={`${slug(section.tag)}-title`} className="text-lg font-semibold text-slate-900">
                {section.tag}
              </h2>
              {section.description ? <p className="mt-1 mb-3 text-sm text-slate-600">{section.description}</p> : null}
              <div className="space-y-2">
                {section.operations.map((op) => (
                  <Operation key={op.id} op={op} />
                ))}
              </div>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
