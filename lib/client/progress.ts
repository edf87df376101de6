// Browser side of lib/api/progress-stream.ts: POSTs JSON with `Accept: application/x-ndjson` and
// reads the answer line by line — progress lines to `onProgress`, then the result (or the error
// line, re-thrown as ApiError). A refusal before the stream starts arrives as a normal error response.
import { ApiError } from "./api";

export interface Progress {
  done: number;
  total: number;
}

export async function postWithProgress<T>(path: string, body: unknown, onProgress: (progress: Progress) => void): Promise<T> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/x-ndjson" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!response.ok || !response.body) {
    const data = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null;
    throw new ApiError(response.status, data?.error?.code ?? "error", data?.error?.message ?? `Request failed (${response.status}).`, data?.error?.fields);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += value;
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = JSON.parse(buffer.slice(0, newline)) as { progress?: Progress; result?: T; error?: { code: string; message: string } };
      buffer = buffer.slice(newline + 1);
      if (line.progress) onProgress(line.progress);
      if (line.error) throw new ApiError(500, line.error.code, line.error.message);
      if ("result" in line) return line.result as T;
    }
    if (done) break;
  }
  throw new ApiError(500, "incomplete", "The connection ended before the work finished. Reload to see what was done.");
}
