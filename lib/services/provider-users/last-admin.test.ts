import { describe, expect, it } from "vitest";
import { assertAdminRemains } from "./last-admin";

describe("assertAdminRemains", () => {
  it("allows taking away an admin while another confirmed admin stays", () => {
    expect(() => assertAdminRemains(["a", "b"], new Set(["a"]), "remove")).not.toThrow();
    expect(() => assertAdminRemains(["a"], new Set(["someone-else"]), "demote")).not.toThrow();
  });

  it("refuses with 409 last_admin when no confirmed admin would remain, saying what to do", () => {
    for (const [admins, leaving] of [
      [["a"], ["a"]],
      [["a", "b"], ["a", "b", "c"]],
    ] as const) {
      try {
        assertAdminRemains(admins, new Set(leaving), "remove");
        expect.unreachable("should refuse");
      } catch (error) {
        expect(error).toMatchObject({ status: 409, code: "last_admin" });
        expect((error as Error).message).toMatch(/Invite or promote another Provider Admin/);
      }
    }
  });
});
