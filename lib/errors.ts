// One error type for everything a request can be refused for. The API wrapper turns it into the
// API.md error shape; pages show its message. Codes are snake_case and stable.
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, fields?: Record<string, string>, code = "invalid_request") =>
  new AppError(400, code, message, fields);
export const unauthorized = (message = "Sign in to continue.") => new AppError(401, "unauthorized", message);
export const forbidden = (message = "You do not have permission to do this.", code = "forbidden") =>
  new AppError(403, code, message);
export const passwordChangeRequired = () =>
  new AppError(403, "password_change_required", "An organization you belong to requires a new password. Change it in your account settings to continue.");
export const notFound = (what = "resource") => new AppError(404, "not_found", `The ${what} was not found.`);
export const conflict = (message: string, code = "conflict") => new AppError(409, code, message);
export const gone = (message: string, code = "gone") => new AppError(410, code, message);
export const unprocessable = (message: string, code = "rule_violation", fields?: Record<string, string>) =>
  new AppError(422, code, message, fields);
export const tooManyRequests = (retryAfterSeconds: number, what = "Too many attempts.") =>
  new AppError(429, "rate_limited", `${what} Try again in ${formatWait(retryAfterSeconds)}.`, undefined, {
    "Retry-After": String(retryAfterSeconds),
  });

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
