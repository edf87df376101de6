"use client";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The email address or password is incorrect.",
  RATE_LIMITED: "Too many failed attempts. Wait a few minutes and try again.",
  TOTP_REQUIRED: "Enter the 6-digit code from your authenticator app.",
  TOTP_INVALID: "That code is not valid. Codes change every 30 seconds and each works once.",
  SessionRequired: "Sign in to continue.",
};

export function SignInForm({ callbackUrl, email: initialEmail, initialError }: { callbackUrl: string; email?: string; initialError?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState(initialEmail ?? "");
  const [password, setPassword] = useState("");
  const [secondFactor, setSecondFactor] = useState<"none" | "totp" | "recovery">("none");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | undefined>(initialError ? (MESSAGES[initialError] ?? "Sign-in failed. Try again.") : undefined);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      redirect: false,
      email,
      password,
      ...(secondFactor === "totp" ? { totp: code } : {}),
      ...(secondFactor === "recovery" ? { recoveryCode: code } : {}),
      callbackUrl,
    });
    setPending(false);
    if (!result || result.error) {
      const code = result?.error ?? "CredentialsSignin";
      if (code === "TOTP_REQUIRED") {
        setSecondFactor((current) => (current === "none" ? "totp" : current));
        if (secondFactor === "none") return;
      }
      setError(MESSAGES[code] ?? "Sign-in failed. Try again.");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field label="Email">
        {(p) => <Input {...p} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label="Password">
        {(p) => (
          <Input {...p} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      {secondFactor !== "none" ? (
        <div className="space-y-2">
          <Field
            label={secondFactor === "totp" ? "Authentication code" : "Recovery code"}
            hint={secondFactor === "totp" ? "The 6-digit code from your authenticator app." : "One of the recovery codes you saved when you turned on two-step login."}
          >
            {(p) => (
              <Input
                {...p}
                name={secondFactor === "totp" ? "totp" : "recoveryCode"}
                inputMode={secondFactor === "totp" ? "numeric" : "text"}
                autoComplete="one-time-code"
                autoFocus
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </Field>
          <button
            type="button"
            className="text-xs font-medium text-brand-700 hover:underline"
            onClick={() => {
              setCode("");
              setSecondFactor(secondFactor === "totp" ? "recovery" : "totp");
            }}
          >
            {secondFactor === "totp" ? "Use a recovery code instead" : "Use an authenticator code instead"}
          </button>
        </div>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? <Spinner label="Signing in" /> : null}
        Sign in
      </Button>
      <p className="text-center text-sm text-slate-600">
        New here?{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}${email ? `&email=${encodeURIComponent(email)}` : ""}`} className="font-medium text-brand-700 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
