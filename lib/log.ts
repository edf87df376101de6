// Structured server log. Redaction keeps secrets out even when a whole request body is logged by mistake.
import pino from "pino";

const REDACT = [
  "password",
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "*.token",
  "token",
  "*.totp",
  "*.recoveryCode",
  "*.secret",
  "*.authorization",
  "headers.cookie",
  "headers.authorization",
];

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: { paths: REDACT, censor: "[redacted]" },
  base: undefined,
});
