import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, limitSchema, pageOf } from "./pagination";

describe("keyset cursors", () => {
  it("round-trip the sort key", () => {
    const shape = z.tuple([z.string(), z.string()]);
    expect(decodeCursor(encodeCursor(["Acme", "id-1"]), shape)).toEqual(["Acme", "id-1"]);
    expect(decodeCursor(undefined, shape)).toBeUndefined();
  });

  it("turn a tampered cursor into a 400", () => {
    const shape = z.tuple([z.string(), z.string()]);
    for (const bad of ["not-base64-json", encodeCursor([1, 2]), Buffer.from("{}").toString("base64url")]) {
      try {
        decodeCursor(bad, shape);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(400);
      }
    }
  });

  it("build a page and a cursor only when there are more rows", () => {
    const rows = [1, 2, 3];
    expect(pageOf(rows, 2, (r) => r * 10, (r) => [r])).toEqual({ data: [10, 20], nextCursor: encodeCursor([2]) });
    expect(pageOf(rows, 3, (r) => r, (r) => [r])).toEqual({ data: [1, 2, 3], nextCursor: null });
  });

  it("bound the limit between 1 and 200, defaulting to 50", () => {
    expect(limitSchema.parse(undefined)).toBe(50);
    expect(limitSchema.parse("200")).toBe(200);
    expect(limitSchema.safeParse("201").success).toBe(false);
    expect(limitSchema.safeParse("0").success).toBe(false);
    expect(limitSchema.safeParse("abc").success).toBe(false);
  });
});
