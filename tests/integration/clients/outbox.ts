// Messages the app wrote to the mail outbox in this test file (no SMTP_URL in tests).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import type { MailMessage } from "@/lib/mail/mailer";

export function outbox(to?: string): MailMessage[] {
  const dir = env().MAIL_OUTBOX_DIR;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as MailMessage)
    .filter((mail) => !to || mail.to === to);
}

/** The `token` query parameter of the first link in the newest message to `to`. */
export function tokenFromMail(to: string): { url: URL; token: string } {
  const mail = outbox(to).at(-1);
  if (!mail) throw new Error(`no mail to ${to}`);
  const url = new URL(mail.links[0]!);
  return { url, token: url.searchParams.get("token")! };
}
