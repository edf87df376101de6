// Picks the parser for an uploaded file by its content type.
import type { VaultItemInput } from "@/lib/vault/item";
import { parseBitwardenCsv } from "./bitwarden-csv";
import { parseBitwardenJson } from "./bitwarden-json";
import { ImportFileError } from "./errors";

export const IMPORT_CONTENT_TYPES = ["application/json", "text/csv"] as const;
export type ImportFormat = "bitwarden-json" | "bitwarden-csv";
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_IMPORT_ITEMS = 50_000;

export function parseImportFile(contentType: string, content: string): { format: ImportFormat; items: VaultItemInput[] } {
  const format: ImportFormat = contentType === "text/csv" ? "bitwarden-csv" : "bitwarden-json";
  const items = format === "bitwarden-csv" ? parseBitwardenCsv(content) : parseBitwardenJson(content);
  if (items.length === 0) throw new ImportFileError("The file has no items to import.", "items");
  if (items.length > MAX_IMPORT_ITEMS) {
    throw new ImportFileError(`The file has ${items.length.toLocaleString("en-US")} items; import at most ${MAX_IMPORT_ITEMS.toLocaleString("en-US")} at a time by splitting the export.`, "items");
  }
  return { format, items };
}
