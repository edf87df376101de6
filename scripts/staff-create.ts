// npm run staff:create -- --email <email> [--name "Full Name"] [--password-stdin]
// Creates a platform staff account, or promotes an existing account to staff. The password comes
// from a hidden prompt (typed twice) or, for automation, from standard input with --password-stdin.
import { createInterface } from "node:readline";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { grantStaff } from "@/lib/services/accounts/grant-staff";
import { emailSchema } from "@/lib/validation";
import { CliError, flag, hasFlag, runCli } from "./lib/cli";

void runCli(async () => {
  const parsed = emailSchema.safeParse(flag("email") ?? "");
  if (!parsed.success) throw new CliError('Usage: npm run staff:create -- --email <email> [--name "Full Name"] [--password-stdin]');
  const email = parsed.data;
  const exists = (await db.user.count({ where: { email } })) > 0;
  let password: string | undefined;
  if (!exists) {
    if (hasFlag("password-stdin")) password = (await readStdin()).replace(/\r?\n$/, "");
    else {
      password = await promptHidden(`Password for ${email}: `);
      if ((await promptHidden("Repeat the password: ")) !== password) throw new CliError("The passwords do not match.");
    }
  }
  try {
    const result = await grantStaff({ email, name: flag("name"), password });
    console.log(result.created ? `✔ Created staff account ${email}.` : `✔ ${email} is now platform staff.`);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  }
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new CliError("No terminal to ask for a password: pass it with --password-stdin.");
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => write(s.startsWith(question) ? s : "");
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}
