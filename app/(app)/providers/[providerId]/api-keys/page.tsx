// API keys (Provider Admins only): keys for PSA/RMM automation, created with a role, listed with
// their state and last use, revoked with a confirmation. The secret is shown once, in the dialog.
import type { Metadata } from "next";
import Link from "next/link";
import { BookOpen, KeyRound } from "lucide-react";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { providerPage } from "@/lib/authz/page-guards";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { stringParam, withParams, type SearchParams } from "@/lib/search-params";
import { listApiKeys } from "@/lib/services/api-keys/list-api-keys";

export const metadata: Metadata = { title: "API keys" };

const PAGE_SIZE = 50;

export default async function ApiKeysPage({ params, searchParams }: { params: Promise<{ providerId: string }>; searchParams: Promise<SearchParams> }) {
  const { providerId } = await params;
  await providerPage(providerId, "provider.apiKeys.manage");
  const cursor = stringParam(await searchParams, "cursor");
  const page = await listApiKeys(providerId, { limit: PAGE_SIZE, cursor }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "invalid_cursor") return listApiKeys(providerId, { limit: PAGE_SIZE });
    throw error;
  });
  const base = `/providers/${providerId}/api-keys`;
  const e = env();

  return (
    <>
      <PageHeader
        title="API keys"
        description="Let your PSA, RMM or scripts work with this provider's clients through the REST API."
        actions={
          <>
            <ButtonLink href="/developers">
              <BookOpen aria-hidden /> API reference
            </ButtonLink>
            <CreateApiKeyDialog providerId={providerId} baseUrl={e.APP_URL} />
          </>
        }
      />
      <Card className="mb-6">
        <CardHeader title="How keys work" />
        <CardBody className="space-y-2 text-sm text-slate-700">
          <p>
            Send the key with every request: <code className="rounded bg-slate-100 px-1 py-0.5">Authorization: Bearer pp_…</code>. A key reaches this
            provider and the client organizations it manages, and nothing else. It never reads credentials, and it cannot manage API keys.
          </p>
          <p>
            A key acts as a Provider Admin or a Service User, and never with more rights than the admin who created it still has: it stops working at
            once when it is revoked, when the provider is disabled, or when its creator is removed or loses that role. Everything a key does is in the{" "}
            <Link className="font-medium text-brand-700 hover:underline" href={`/providers/${providerId}/events`}>
              event log
            </Link>{" "}
            under its name. Each key may make {e.API_KEY_RATE_LIMIT} requests per {e.API_KEY_RATE_WINDOW_SECONDS} seconds.
          </p>
        </CardBody>
      </Card>
      <Card>
        {page.data.length === 0 ? (
          <EmptyState icon={<KeyRound />} title="No API keys yet">
            Create a key for each tool that connects, so you can revoke one without disturbing the others.
          </EmptyState>
        ) : (
          <>
            <ApiKeyTable providerId={providerId} keys={page.data} />
            {page.nextCursor || cursor ? <KeysetPager nextCursor={page.nextCursor} isFirstPage={!cursor} hrefFor={(next) => withParams(base, { cursor: next ?? undefined })} /> : null}
          </>
        )}
      </Card>
    </>
  );
}
