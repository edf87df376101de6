import { describe, expect, it } from "vitest";
import { parseBitwardenCsv } from "./bitwarden-csv";
import { parseBitwardenJson } from "./bitwarden-json";
import { ImportFileError } from "./errors";
import { jsonErrorPosition } from "./json-error-position";

const HEADER = "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp";

function failure(run: () => unknown): ImportFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("Bitwarden CSV", () => {
  it("reads logins and notes with folders, flags, fields and URIs", () => {
    const items = parseBitwardenCsv(`${HEADER}\r\nWork,1,login,Mail,,"a: 1\nb: x: y",1,"https://a,https://b",me,pw,totp\r\n,,note,Memo,"hello\nworld",,,,,,\r\n`);
    expect(items).toEqual([
      {
        type: "LOGIN",
        name: "Mail",
        collections: ["Work"],
        secret: {
          notes: null,
          favorite: true,
          reprompt: true,
          fields: [
            { name: "a", value: "1", type: "text" },
            { name: "b", value: "x: y", type: "text" },
          ],
          login: { username: "me", password: "pw", totp: "totp", uris: [{ uri: "https://a", match: null }, { uri: "https://b", match: null }] },
          passwordHistory: [],
        },
      },
      { type: "SECURE_NOTE", name: "Memo", collections: [], secret: { notes: "hello\nworld", favorite: false, reprompt: false, fields: [], passwordHistory: [] } },
    ]);
  });

  it("names the line a record starts on, counting multi-line values", () => {
    const error = failure(() => parseBitwardenCsv(`${HEADER}\n,,note,A,"one\ntwo\nthree",,,,,,\n,,bogus,B,,,,,,,\n`));
    expect(error.message).toBe('Line 5: type must be "login" or "note", not "bogus".');
    expect(error.fields).toEqual({ "line 5": error.message });
  });

  it("refuses files that are not Bitwarden CSV", () => {
    expect(failure(() => parseBitwardenCsv("name,url\nA,B")).message).toMatch(/^Line 1: unknown column "url"/);
    expect(failure(() => parseBitwardenCsv("folder,collections,type,name\n")).message).toMatch(/not both/);
  });
});

describe("Bitwarden JSON", () => {
  it("maps types and folders, keeping nulls as nulls", () => {
    const items = parseBitwardenJson(
      JSON.stringify({
        encrypted: false,
        folders: [{ id: "f1", name: " Finance " }],
        items: [
          { type: 3, name: "Card", folderId: "f1", card: { number: "4111", expMonth: 4, expYear: "2030", code: null } },
          { type: 4, name: "Me", identity: { firstName: "Ann" } },
          { type: 2, name: "Note", notes: "n", secureNote: { type: 0 } },
        ],
      }),
    );
    expect(items.map((i) => [i.type, i.collections])).toEqual([
      ["CARD", ["Finance"]],
      ["IDENTITY", []],
      ["SECURE_NOTE", []],
    ]);
    expect(items[0]!.secret.card).toEqual({ cardholderName: null, brand: null, number: "4111", expMonth: "4", expYear: "2030", code: null });
    expect(items[1]!.secret.identity).toMatchObject({ firstName: "Ann", ssn: null });
  });

  it("reports JSON syntax errors with line and column", () => {
    expect(failure(() => parseBitwardenJson('{\n  "items": [\n    oops\n  ]\n}')).message).toMatch(/line 3, column 5/);
  });
});

describe("locating JSON syntax errors", () => {
  it.each([
    ['{"a": 1,}', 8],
    ['{\n "a": tru }', 11],
    ["[1, 2", 5],
    ['{"a": "x\ny"}', 8],
    ['{"a": 01}', 7],
    ['{"a": "\\q"}', 8],
    ["[] []", 3],
    ['{"ok": [1, -2.5e3, true, null, "\\u00e9"]}', null],
  ])("%j → %s", (text, position) => {
    expect(jsonErrorPosition(text)).toBe(position);
  });
});
