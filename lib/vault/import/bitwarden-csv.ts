// Bitwarden's CSV export: personal (folder,favorite,type,name,notes,fields,reprompt,login_uri,
// login_username,login_password,login_totp) or organization (collections instead of folder and
// favorite). Only logins and secure notes exist in this format, as in Bitwarden. Multi-line values
// are quoted; several URIs or collections in one cell are separated by commas; custom fields are
// "name: value" lines. Problems are reported with the line they start on.
import { parse } from "csv-parse/sync";
import type { VaultItemInput } from "@/lib/vault/item";
import { ImportFileError } from "./errors";

const PERSONAL = ["folder", "favorite", "type", "name", "notes", "fields", "reprompt", "login_uri", "login_username", "login_password", "login_totp"];
const ORGANIZATION = ["collections", "type", "name", "notes", "fields", "reprompt", "login_uri", "login_username", "login_password", "login_totp"];
const KNOWN = new Set([...PERSONAL, ...ORGANIZATION]);

type Row = Partial<Record<string, string>>;

function lineOfByte(content: Buffer, byteOffset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(byteOffset, content.length); i++) if (content[i] === 0x0a) line++;
  return line;
}

function checkHeader(header: string[]): string[] {
  const columns = header.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => !KNOWN.has(c));
  const missing = ["type", "name"].filter((c) => !columns.includes(c));
  if (unknown.length || missing.length) {
    const problem = unknown.length ? `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")}` : `missing column ${missing.map((c) => `"${c}"`).join(", ")}`;
    throw new ImportFileError(
      `Line 1: ${problem}. This is not a Bitwarden CSV export; its columns are ${PERSONAL.join(",")} (or "collections" instead of "folder" and "favorite" for an organization).`,
      "line 1",
    );
  }
  if (columns.includes("folder") && columns.includes("collections")) {
    throw new ImportFileError('Line 1: a file has either a "folder" column (personal export) or a "collections" column (organization export), not both.', "line 1");
  }
  return columns;
}

function fail(line: number, message: string): never {
  throw new ImportFileError(`Line ${line}: ${message}`, `line ${line}`);
}

function flagValue(value: string | undefined, line: number, column: string): boolean {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "" || v === "0" || v === "false") return false;
  if (v === "1" || v === "true") return true;
  fail(line, `${column} must be 1, 0 or empty, not "${value}".`);
}

function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

function customFields(value: string | undefined): VaultItemInput["secret"]["fields"] {
  return (value ?? "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const at = l.indexOf(": ");
      return at === -1 ? { name: l.trim(), value: null, type: "text" as const } : { name: l.slice(0, at), value: l.slice(at + 2), type: "text" as const };
    });
}

const orNull = (v: string | undefined) => (v && v !== "" ? v : null);

export function parseBitwardenCsv(content: string): VaultItemInput[] {
  let records: { record: Row; info: { lines: number } }[];
  try {
    records = parse(content, { columns: checkHeader, info: true, skip_empty_lines: true, bom: true }) as { record: Row; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const e = error as { code?: string; bytes_records?: number; lines?: number; message: string };
    const line = e.bytes_records !== undefined ? lineOfByte(Buffer.from(content, "utf8"), e.bytes_records) : (e.lines ?? 1);
    const reason =
      e.code === "CSV_QUOTE_NOT_CLOSED"
        ? "a quoted value is never closed."
        : e.code === "CSV_RECORD_INCONSISTENT_COLUMNS" || e.code === "CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH"
          ? "the row has a different number of values than the header."
          : e.code === "CSV_INVALID_CLOSING_QUOTE"
            ? "a quoted value is followed by other characters; put quotes around the whole value and double any quotes inside it."
            : `${e.message.replace(/\s*(on|at) line \d+.*$/, "")}.`;
    fail(line, reason);
  }
  let previousEnd = 1;
  return records.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const type = (record.type ?? "").trim().toLowerCase();
    if (type !== "login" && type !== "note") fail(line, `type must be "login" or "note", not "${record.type ?? ""}".`);
    const name = (record.name ?? "").trim();
    if (!name) fail(line, "the name is empty.");
    if (name.length > 1000) fail(line, "the name is longer than 1,000 characters.");
    const notes = orNull(record.notes);
    if (notes && notes.length > 100_000) fail(line, "the notes are longer than 100,000 characters.");
    const collections = "collections" in record ? splitList(record.collections) : orNull(record.folder?.trim()) ? [record.folder!.trim()] : [];
    const tooLong = collections.find((c) => c.length > 200);
    if (tooLong) fail(line, `the ${"collections" in record ? "collection" : "folder"} name "${tooLong.slice(0, 40)}…" is longer than 200 characters.`);
    return {
      type: type === "login" ? "LOGIN" : "SECURE_NOTE",
      name,
      collections: [...new Set(collections)],
      secret: {
        notes,
        favorite: flagValue(record.favorite, line, "favorite"),
        reprompt: flagValue(record.reprompt, line, "reprompt"),
        fields: customFields(record.fields),
        ...(type === "login"
          ? {
              login: {
                username: orNull(record.login_username),
                password: orNull(record.login_password),
                totp: orNull(record.login_totp),
                uris: splitList(record.login_uri).map((uri) => ({ uri, match: null })),
              },
            }
          : {}),
        passwordHistory: [],
      },
    };
  });
}
