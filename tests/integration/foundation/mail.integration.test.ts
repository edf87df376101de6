// The mailer against a real SMTP server process (smtp-server), and the outbox folder without one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvCache } from "@/lib/env";
import { sendMail } from "@/lib/mail/mailer";
import { providerSetupInvitationMail } from "@/lib/mail/templates";

const message = () => providerSetupInvitationMail({ to: "owner@msp.test", providerName: "Acme <MSP>", providerId: "p-1", token: "tok123" });

describe("mail", () => {
  afterEach(() => {
    delete process.env.SMTP_URL;
    resetEnvCache();
  });

  it("is delivered to the SMTP server in SMTP_URL", async () => {
    const received: { from?: string; to: string[]; raw: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as { port: number };
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnvCache();
    try {
      await sendMail(message());
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(["owner@msp.test"]);
    const parsed = await simpleParser(received[0]!.raw);
    expect(parsed.subject).toBe("Set up Acme <MSP> on Provider Portal");
    expect(parsed.text).toContain("http://localhost:3000/setup/p-1?token=tok123");
    expect(parsed.html).toContain("Acme &lt;MSP&gt;");
  });

  it("is written to MAIL_OUTBOX_DIR as JSON without SMTP_URL", async () => {
    const before = new Set(readdirSync(env().MAIL_OUTBOX_DIR));
    await sendMail(message());
    const added = readdirSync(env().MAIL_OUTBOX_DIR).filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    const stored = JSON.parse(readFileSync(path.join(env().MAIL_OUTBOX_DIR, added[0]!), "utf8"));
    expect(stored).toMatchObject({ to: "owner@msp.test", subject: "Set up Acme <MSP> on Provider Portal", links: ["http://localhost:3000/setup/p-1?token=tok123"] });
    expect(stored.text).toContain("expires in 5 days");
    expect(stored.html).toContain("<a href=");
  });
});
