// Environment configuration, validated with zod once per process. Every setting the app reads is
// here, documented in README.md ("Configuration"). Secrets that the embedded default needs but a
// newcomer should not have to invent are generated into DATA_DIR on first use.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgres:// or postgresql:// URL");

const boolean = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const base64Key = z
  .string()
  .trim()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 random bytes, base64-encoded (openssl rand -base64 32)");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url({ message: "must be an absolute URL such as https://portal.example.com" }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  KEY_ENCRYPTION_KEY: base64Key.optional(),
  SMTP_URL: z.string().trim().refine((v) => /^smtps?:\/\//.test(v), "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().trim().min(3).default("Provider Portal <no-reply@provider-portal.local>"),
  MAIL_OUTBOX_DIR: z.string().trim().min(1).optional(),
  REDIS_URL: z.string().trim().refine((v) => /^rediss?:\/\//.test(v), "must be a redis:// URL").optional(),
  TRUST_PROXY: boolean.default(false),
  SETUP_TOKEN_TTL_HOURS: z.coerce.number().positive().default(120),
  INVITE_TOKEN_TTL_HOURS: z.coerce.number().positive().default(120),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  API_KEY_RATE_LIMIT: z.coerce.number().int().positive().default(600),
  API_KEY_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(0).default(0),
  JOBS_ENABLED: boolean.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema> & {
  APP_URL: string;
  NEXTAUTH_SECRET: string;
  KEY_ENCRYPTION_KEY: string;
  MAIL_OUTBOX_DIR: string;
  /** True when the app runs on the embedded PGlite database in DATA_DIR. */
  embedded: boolean;
};

export class EnvError extends Error {}

let cached: Env | undefined;

/** The validated environment. Throws EnvError with one line per problem. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(emptyToUndefined(process.env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}\nSee README.md, "Configuration".`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  const productionServer = e.NODE_ENV === "production" && !embedded;
  const missing = productionServer
    ? (["NEXTAUTH_SECRET", "KEY_ENCRYPTION_KEY"] as const).filter((k) => !e[k])
    : [];
  if (missing.length > 0) {
    throw new EnvError(
      `Invalid configuration:\n${missing.map((k) => `  - ${k}: required in production with DATABASE_URL (openssl rand -base64 32)`).join("\n")}\nSee README.md, "Configuration".`,
    );
  }
  const generated = e.NEXTAUTH_SECRET && e.KEY_ENCRYPTION_KEY ? undefined : generatedSecrets(e.DATA_DIR);
  cached = {
    ...e,
    APP_URL: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    NEXTAUTH_SECRET: e.NEXTAUTH_SECRET ?? generated!.authSecret,
    KEY_ENCRYPTION_KEY: e.KEY_ENCRYPTION_KEY ?? generated!.keyEncryptionKey,
    MAIL_OUTBOX_DIR: e.MAIL_OUTBOX_DIR ?? path.join(e.DATA_DIR, "outbox"),
    embedded,
  };
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

function emptyToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
}

/** Secrets for the self-contained default, created once in DATA_DIR with owner-only permissions. */
function generatedSecrets(dataDir: string): { authSecret: string; keyEncryptionKey: string } {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  mkdirSync(dataDir, { recursive: true });
  const secrets = {
    authSecret: randomBytes(32).toString("base64"),
    keyEncryptionKey: randomBytes(32).toString("base64"),
  };
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
    return secrets;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return JSON.parse(readFileSync(file, "utf8"));
    throw error;
  }
}
