import { describe, expect, it } from "vitest";
import { combinePermissions, showsSecrets } from "./access";

describe("combining collection permissions", () => {
  it.each([
    [[], null],
    [["VIEW"], "VIEW"],
    [["VIEW_EXCEPT_PASSWORDS", "VIEW_EXCEPT_PASSWORDS"], "VIEW_EXCEPT_PASSWORDS"],
    [["VIEW_EXCEPT_PASSWORDS", "VIEW"], "VIEW"],
    [["EDIT_EXCEPT_PASSWORDS", "VIEW"], "EDIT"],
    [["EDIT_EXCEPT_PASSWORDS", "VIEW_EXCEPT_PASSWORDS"], "EDIT_EXCEPT_PASSWORDS"],
    [["VIEW_EXCEPT_PASSWORDS", "MANAGE"], "MANAGE"],
  ] as const)("%j → %s", (permissions, expected) => {
    expect(combinePermissions([...permissions])).toBe(expected);
  });

  it("hides secrets only for the two 'except passwords' permissions", () => {
    expect(["VIEW", "VIEW_EXCEPT_PASSWORDS", "EDIT", "EDIT_EXCEPT_PASSWORDS", "MANAGE"].filter((p) => !showsSecrets(p as never))).toEqual(["VIEW_EXCEPT_PASSWORDS", "EDIT_EXCEPT_PASSWORDS"]);
  });
});
