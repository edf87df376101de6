import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";
import { emailSchema, splitEmails } from "./validation";

describe("splitEmails", () => {
  it("splits on commas, semicolons, spaces and newlines and drops blanks", () => {
    expect(splitEmails("a@x.test, b@x.test\nc@x.test;; d@x.test")).toEqual(["a@x.test", "b@x.test", "c@x.test", "d@x.test"]);
    expect(splitEmails(["a@x.test", " b@x.test "])).toEqual(["a@x.test", "b@x.test"]);
  });
});

describe("emailSchema", () => {
  it("trims and lower-cases, and refuses non-addresses", () => {
    expect(emailSchema.parse("  Bob@Example.COM ")).toBe("bob@example.com");
    expect(emailSchema.safeParse("bob@").success).toBe(false);
  });
});

describe("safeCallbackPath", () => {
  it("only returns to paths on this site", () => {
    expect(safeCallbackPath("/providers/1?x=2")).toBe("/providers/1?x=2");
    for (const bad of ["https://evil.test", "//evil.test", "/\\evil.test", undefined, "javascript:alert(1)"]) expect(safeCallbackPath(bad)).toBe("/");
  });
});
