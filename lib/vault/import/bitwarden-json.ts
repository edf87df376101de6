// Bitwarden's unencrypted JSON export, personal ("folders") or organization ("collections"). Unknown
// keys (ids, dates, passkeys...) are ignored; everything an item's secret content needs is checked,
// and the first problem is reported with the item's index and the field's path.
import { z } from "zod";
import type { VaultItemType } from "@/lib/db/generated/enums";
import { IDENTITY_FIELDS, type CustomFieldType, type IdentityField, type VaultItemInput } from "@/lib/vault/item";
import { ImportFileError } from "./errors";
import { jsonErrorPosition } from "./json-error-position";

const text = z
  .string({ message: "expected text or null" })
  .nullish()
  .transform((v) => v ?? null);
/** Bitwarden writes card months and years as text; accept numbers too. */
const textOrNumber = z
  .union([z.string(), z.number()], { message: "expected text, a number or null" })
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : String(v)));

const ITEM_TYPES: Record<number, VaultItemType> = { 1: "LOGIN", 2: "SECURE_NOTE", 3: "CARD", 4: "IDENTITY" };
const FIELD_TYPES: Record<number, CustomFieldType> = { 0: "text", 1: "hidden", 2: "boolean", 3: "linked" };

const ItemSchema = z.object({
  type: z.number({ message: "expected a number" }),
  name: z.string({ message: "expected the item's name" }).trim().min(1, "the name is empty").max(1000, "the name is longer than 1,000 characters"),
  notes: text.refine((v) => v === null || v.length <= 100_000, "notes are longer than 100,000 characters"),
  favorite: z.boolean({ message: "expected true or false" }).nullish(),
  reprompt: z.union([z.literal(0), z.literal(1)], { message: "expected 0 or 1" }).nullish(),
  folderId: z.string({ message: "expected a folder id or null" }).nullish(),
  collectionIds: z.array(z.string({ message: "expected a collection id" }), { message: "expected a list of collection ids or null" }).nullish(),
  fields: z
    .array(
      z.object({
        name: text,
        value: text,
        type: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { message: "expected 0 (text), 1 (hidden), 2 (boolean) or 3 (linked)" }),
      }),
      { message: "expected a list of fields or null" },
    )
    .nullish(),
  login: z
    .object({
      username: text,
      password: text,
      totp: text,
      uris: z
        .array(z.object({ uri: text, match: z.number({ message: "expected a number or null" }).int().nullish() }), { message: "expected a list of URIs or null" })
        .nullish(),
    })
    .nullish(),
  card: z
    .object({ cardholderName: text, brand: text, number: text, expMonth: textOrNumber, expYear: textOrNumber, code: text })
    .nullish(),
  identity: z.object(Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, text])) as Record<IdentityField, typeof text>).nullish(),
  passwordHistory: z
    .array(z.object({ password: z.string({ message: "expected the old password" }), lastUsedDate: text }), { message: "expected a list or null" })
    .nullish(),
});

const NamedSchema = z.object({ id: z.string({ message: "expected an id" }), name: z.string({ message: "expected a name" }) });

const FileSchema = z.object({
  encrypted: z.boolean().optional(),
  folders: z.array(NamedSchema).nullish(),
  collections: z.array(NamedSchema).nullish(),
  items: z.array(z.unknown(), { message: "expected a list of items" }),
});

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    const reason = (error as Error).message.replace(/,? ".*" is not valid JSON$/s, "").replace(/ in JSON at position \d+.*$/s, "");
    const position = jsonErrorPosition(content);
    if (position === null) throw new ImportFileError(`The file is not valid JSON: ${reason}.`, "file");
    const before = content.slice(0, position);
    const line = before.split("\n").length;
    const column = position - before.lastIndexOf("\n");
    throw new ImportFileError(`The file is not valid JSON at line ${line}, column ${column}: ${reason}.`, `line ${line}`);
  }
}

function issueAt(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0]!;
  return { path: issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, ""), message: issue.message };
}

function groupName(raw: string, where: string): string {
  const name = raw.trim();
  if (!name) throw new ImportFileError(`${where}: the name is empty.`, where);
  if (name.length > 200) throw new ImportFileError(`${where}: the name is longer than 200 characters.`, where);
  return name;
}

export function parseBitwardenJson(content: string): VaultItemInput[] {
  const file = FileSchema.safeParse(parseJson(content));
  if (!file.success) {
    const { path, message } = issueAt(file.error);
    throw new ImportFileError(
      `This is not a Bitwarden JSON export${path ? ` (${path}: ${message})` : ""}. Export your vault from Bitwarden as "JSON" (not encrypted) and try again.`,
      path || "file",
    );
  }
  if (file.data.encrypted) {
    throw new ImportFileError("This Bitwarden export is encrypted. Export the vault again with the file format \"JSON\" (not \"JSON (Encrypted)\").", "encrypted");
  }
  const folders = new Map((file.data.folders ?? []).map((f, i) => [f.id, groupName(f.name, `folders[${i}].name`)]));
  const collections = new Map((file.data.collections ?? []).map((c, i) => [c.id, groupName(c.name, `collections[${i}].name`)]));

  return file.data.items.map((raw, index) => {
    const where = `items[${index}]`;
    const label = typeof (raw as { name?: unknown })?.name === "string" ? ` ("${(raw as { name: string }).name.slice(0, 60)}")` : "";
    const parsed = ItemSchema.safeParse(raw);
    if (!parsed.success) {
      const { path, message } = issueAt(parsed.error);
      throw new ImportFileError(`Item ${index + 1}${label}, field ${where}.${path}: ${message}.`, `${where}.${path}`);
    }
    const item = parsed.data;
    const type = ITEM_TYPES[item.type];
    if (!type) {
      throw new ImportFileError(
        `Item ${index + 1}${label}, field ${where}.type: type ${item.type} cannot be imported. Supported types: 1 (login), 2 (secure note), 3 (card), 4 (identity).`,
        `${where}.type`,
      );
    }
    const names: string[] = [];
    if (item.folderId) {
      const folder = folders.get(item.folderId);
      if (!folder) throw new ImportFileError(`Item ${index + 1}${label}, field ${where}.folderId: no folder with id ${item.folderId} in the file.`, `${where}.folderId`);
      names.push(folder);
    }
    for (const [i, id] of (item.collectionIds ?? []).entries()) {
      const collection = collections.get(id);
      if (!collection) {
        throw new ImportFileError(`Item ${index + 1}${label}, field ${where}.collectionIds[${i}]: no collection with id ${id} in the file.`, `${where}.collectionIds[${i}]`);
      }
      names.push(collection);
    }
    return {
      type,
      name: item.name,
      collections: [...new Set(names)],
      secret: {
        notes: item.notes,
        favorite: item.favorite ?? false,
        reprompt: item.reprompt === 1,
        fields: (item.fields ?? []).map((f) => ({ name: f.name ?? "", value: f.value, type: FIELD_TYPES[f.type]! })),
        ...(type === "LOGIN"
          ? {
              login: {
                username: item.login?.username ?? null,
                password: item.login?.password ?? null,
                totp: item.login?.totp ?? null,
                uris: (item.login?.uris ?? []).filter((u) => u.uri).map((u) => ({ uri: u.uri!, match: u.match ?? null })),
              },
            }
          : {}),
        ...(type === "CARD"
          ? {
              card: {
                cardholderName: item.card?.cardholderName ?? null,
                brand: item.card?.brand ?? null,
                number: item.card?.number ?? null,
                expMonth: item.card?.expMonth ?? null,
                expYear: item.card?.expYear ?? null,
                code: item.card?.code ?? null,
              },
            }
          : {}),
        ...(type === "IDENTITY"
          ? { identity: Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, item.identity?.[f] ?? null])) as Record<IdentityField, string | null> }
          : {}),
        passwordHistory: (item.passwordHistory ?? []).map((h) => ({ password: h.password, lastUsedDate: h.lastUsedDate })),
      },
    };
  });
}
