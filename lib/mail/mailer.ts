// Outgoing mail. With SMTP_URL set, messages go to that SMTP server; otherwise each message is written
// as one JSON file (to, subject, text, html, links) into MAIL_OUTBOX_DIR, which is how the demo and
// the tests read invitation links. Services send mail after their transaction commits.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The absolute URLs in the message (invitation links carry their token as `?token=`). */
  links: string[];
}

const globalCache = globalThis as typeof globalThis & { __providerPortalSmtp?: { url: string; transport: Transporter } };

function smtp(url: string): Transporter {
  if (globalCache.__providerPortalSmtp?.url !== url) {
    globalCache.__providerPortalSmtp = { url, transport: nodemailer.createTransport(url) };
  }
  return globalCache.__providerPortalSmtp.transport;
}

export async function sendMail(message: MailMessage): Promise<void> {
  const e = env();
  if (e.SMTP_URL) {
    await smtp(e.SMTP_URL).sendMail({ from: e.MAIL_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html });
  } else {
    mkdirSync(e.MAIL_OUTBOX_DIR, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.json`;
    const record = { from: e.MAIL_FROM, sentAt: new Date().toISOString(), ...message };
    writeFileSync(path.join(e.MAIL_OUTBOX_DIR, name), JSON.stringify(record, null, 2));
  }
  log.info({ to: message.to, subject: message.subject }, "mail sent");
}

/**
 * Sends after the change is committed. A failed delivery is logged and reported, never undoes the
 * change: the admin can re-send the invitation.
 */
export async function sendMailSafely(message: MailMessage): Promise<boolean> {
  try {
    await sendMail(message);
    return true;
  } catch (error) {
    log.error({ err: (error as Error).message, to: message.to, subject: message.subject }, "mail delivery failed");
    return false;
  }
}
