import { describe, expect, it } from "vitest";
import { enumParam, stringParam, withParams } from "./search-params";

describe("page query parameters", () => {
  it("reads the first value, trimmed, and ignores blanks and unknown enum values", () => {
    expect(stringParam({ q: ["  acme ", "x"] }, "q")).toBe("acme");
    expect(stringParam({ q: "   " }, "q")).toBeUndefined();
    expect(enumParam({ status: "ACTIVE" }, "status", ["ACTIVE", "PENDING"])).toBe("ACTIVE");
    expect(enumParam({ status: "DROP TABLE" }, "status", ["ACTIVE", "PENDING"])).toBeUndefined();
  });

  it("builds links that keep the filters and drop empty ones", () => {
    expect(withParams("/admin", { q: "a b", status: undefined, cursor: "c1" })).toBe("/admin?q=a+b&cursor=c1");
    expect(withParams("/admin", {})).toBe("/admin");
  });
});
