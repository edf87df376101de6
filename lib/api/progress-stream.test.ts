import { describe, expect, it } from "vitest";
import { unprocessable } from "@/lib/errors";
import { progressStream } from "./progress-stream";

const lines = async (response: Response) => (await response.text()).trim().split("\n").map((l) => JSON.parse(l));

describe("progress streams", () => {
  it("send progress lines, then the result", async () => {
    const response = progressStream<number, string>(async (report) => {
      report(1);
      report(2);
      return "done";
    });
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(await lines(response)).toEqual([{ progress: 1 }, { progress: 2 }, { result: "done" }]);
  });

  it("end with the error in the API's shape, hiding unexpected ones", async () => {
    expect(await lines(progressStream(async () => Promise.reject(unprocessable("Not now.", "not_now"))))).toEqual([{ error: { code: "not_now", message: "Not now." } }]);
    expect(await lines(progressStream(async () => Promise.reject(new Error("secret detail"))))).toEqual([
      { error: { code: "internal_error", message: "Something went wrong on our side. It has been logged." } },
    ]);
  });

  it("keep working when the client goes away", async () => {
    let finished = false;
    const response = progressStream(async (report) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      report("late");
      finished = true;
      return "ok";
    });
    await response.body!.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finished).toBe(true);
  });
});
