// Invitation and setup tokens: 256 random bits, handed out once (in a mail link) and stored only as a
// SHA-256 hash. A fast hash is right here: the token has full entropy, so there is nothing to brute-force.
import { createHash, randomBytes } from "node:crypto";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
