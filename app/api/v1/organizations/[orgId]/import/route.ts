import { z } from "zod";
import { organizationRoute, rawBody } from "@/lib/api/handler";
import { progressStream, wantsProgress } from "@/lib/api/progress-stream";
import { created } from "@/lib/api/responses";
import { importVaultItems, parseImport, previewImport, type ImportProgress } from "@/lib/services/vault/import-vault-items";
import { IMPORT_CONTENT_TYPES, MAX_IMPORT_BYTES } from "@/lib/vault/import/parse";

const Query = z.object({ preview: z.enum(["true", "false"], { message: "preview is true or false" }).optional() });

/**
 * The body is the file: application/json (Bitwarden JSON export) or text/csv (Bitwarden CSV).
 * ?preview=true checks and counts without writing. With Accept: application/x-ndjson the import
 * streams its progress (lib/api/progress-stream.ts).
 */
export const POST = organizationRoute(
  { permission: "org.import", query: Query, body: rawBody({ contentTypes: IMPORT_CONTENT_TYPES, maxBytes: MAX_IMPORT_BYTES }) },
  async ({ organizationId, body, query, req, actor, meta }) => {
    const file = parseImport(body.contentType, body.text);
    if (query.preview === "true") return { preview: true, ...(await previewImport(organizationId, file)) };
    if (wantsProgress(req)) {
      return progressStream<ImportProgress, unknown>((onProgress) => importVaultItems({ organizationId, file, onProgress }, { actor, meta }));
    }
    return created(await importVaultItems({ organizationId, file }, { actor, meta }));
  },
);
