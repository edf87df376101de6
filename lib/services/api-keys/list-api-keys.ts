// A provider's API keys, newest first, keyset-paged.
import { z } from "zod";
import { decodeCursor, pageOf, type Page } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { API_KEY_SELECT, toApiKeyView, type ApiKeyView } from "./views";

const CursorKey = z.tuple([z.iso.datetime(), z.uuid()]);

export async function listApiKeys(providerId: string, input: { limit: number; cursor?: string }): Promise<Page<ApiKeyView>> {
  const after = decodeCursor(input.cursor, CursorKey);
  const rows = await db.providerApiKey.findMany({
    where: {
      providerId,
      ...(after ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] } : {}),
    },
    select: API_KEY_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  return pageOf(rows, input.limit, toApiKeyView, (row) => [row.createdAt.toISOString(), row.id]);
}

/** One key of the provider; another provider's key is a 404. */
export async function getApiKey(providerId: string, keyId: string): Promise<ApiKeyView> {
  const row = await db.providerApiKey.findFirst({ where: { id: keyId, providerId }, select: API_KEY_SELECT });
  if (!row) throw notFound("API key");
  return toApiKeyView(row);
}
