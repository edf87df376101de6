// Uploading a file to the JSON API with progress: the upload itself (bytes sent), and, when the
// server streams NDJSON (lib/api/progress-stream.ts), each line as it arrives. fetch() cannot report
// upload progress, so this uses XMLHttpRequest.
import { ApiError } from "./api";

export interface UploadOptions {
  method?: string;
  contentType: string;
  /** Ask for a streamed NDJSON response and get each line. */
  onLine?: (line: unknown) => void;
  onUploadProgress?: (sent: number, total: number) => void;
}

export function upload<T>(url: string, body: Blob, options: UploadOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? "POST", url);
    xhr.setRequestHeader("content-type", options.contentType);
    if (options.onLine) xhr.setRequestHeader("accept", "application/x-ndjson");
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => options.onUploadProgress?.(e.loaded, e.lengthComputable ? e.total : body.size);
    let consumed = 0;
    let last: unknown;
    const drain = () => {
      const text = xhr.responseText;
      let newline: number;
      while ((newline = text.indexOf("\n", consumed)) !== -1) {
        const line = text.slice(consumed, newline).trim();
        consumed = newline + 1;
        if (!line) continue;
        try {
          last = JSON.parse(line);
          options.onLine?.(last);
        } catch {
          // a partial line arrives whole with the next chunk
        }
      }
    };
    xhr.onprogress = () => {
      if (options.onLine && xhr.status === 200) drain();
    };
    xhr.onerror = () => reject(new ApiError(0, "network_error", "The upload failed. Check your connection and try again."));
    xhr.onload = () => {
      let data: unknown = null;
      if (options.onLine && xhr.status === 200) {
        drain();
        const streamed = last as { result?: T; error?: { code: string; message: string } } | undefined;
        if (streamed?.error) return reject(new ApiError(500, streamed.error.code, streamed.error.message));
        if (streamed && "result" in streamed) return resolve(streamed.result as T);
        return reject(new ApiError(500, "incomplete_response", "The server stopped before finishing. Nothing was imported; try again."));
      }
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const error = (data as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null)?.error;
      reject(new ApiError(xhr.status, error?.code ?? "error", error?.message ?? `Request failed (${xhr.status}).`, error?.fields));
    };
    xhr.send(body);
  });
}
