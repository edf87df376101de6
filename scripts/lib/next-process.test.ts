import { describe, expect, it } from "vitest";
import { SERVER_HEAP_MB, withHeapLimit } from "./next-process";

describe("withHeapLimit", () => {
  it("adds the server's heap limit to NODE_OPTIONS, keeping what is there", () => {
    expect(withHeapLimit(undefined)).toBe(`--max-old-space-size=${SERVER_HEAP_MB}`);
    expect(withHeapLimit("--enable-source-maps")).toBe(`--enable-source-maps --max-old-space-size=${SERVER_HEAP_MB}`);
  });

  it("leaves a limit the operator set alone", () => {
    expect(withHeapLimit("--max-old-space-size=2048")).toBe("--max-old-space-size=2048");
  });
});
