"use client";
// Accepting an organization invitation. When the organization has password rules, the password is
// asked for and checked against them on the server (only its hash is stored).
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PasswordRulesList } from "@/components/account/password-rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { api, ApiError, errorMessage } from "@/lib/client/api";

/** Refusals the invitee fixes in their account settings (turn on two-step login, change the password). */
const FIXED_IN_ACCOUNT_SETTINGS = new Set(["two_factor_required", "password_policy"]);

export function AcceptInvitationButton({
  organizationId,
  memberId,
  token,
  organizationName,
  email,
  passwordRules,
}: {
  organizationId: string;
  memberId: string;
  token: string;
  organizationName: string;
  email: string;
  passwordRules: string[];
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<string>();
  const [errorCode, setErrorCode] = useState<string>();
  const [password, setPassword] = useState("");
  const needsPassword = passwordRules.length > 0;
  async function accept(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setFieldError(undefined);
    setErrorCode(undefined);
    try {
      await api(`/api/v1/organizations/${organizationId}/members/${memberId}/accept`, { body: needsPassword ? { token, password } : { token } });
      router.push(`/organizations/${organizationId}`);
      router.refresh();
    } catch (e) {
      setPending(false);
      const field = e instanceof ApiError ? e.fields?.password : undefined;
      setFieldError(field);
      // A refusal about the password shows next to the field; one that needs account settings also above.
      if (e instanceof ApiError) setErrorCode(e.code);
      if (!field || (e instanceof ApiError && FIXED_IN_ACCOUNT_SETTINGS.has(e.code))) setError(errorMessage(e));
    }
  }
  return (
    <form className="space-y-4" onSubmit={accept} noValidate>
      {error ? (
        <Alert tone="danger">
          {error}
          {errorCode && FIXED_IN_ACCOUNT_SETTINGS.has(errorCode) ? (
            <>
              {" "}
              <a className="font-medium underline" href={`/account?returnTo=${encodeURIComponent(`${window.location.pathname}${window.location.search}`)}`}>
                Open account settings
              </a>
            </>
          ) : null}
        </Alert>
      ) : null}
      {needsPassword ? (
        <>
          <PasswordRulesList rules={passwordRules} organizations={[organizationName]} />
          <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
          <Field label="Your password" error={fieldError} hint={`${organizationName} checks it against these rules when you join.`}>
            {(p) => <Input {...p} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
        </>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending || (needsPassword && !password)}>
        {pending ? <Spinner label="Accepting" /> : null}
        Join {organizationName}
      </Button>
    </form>
  );
}

/** Signs out and comes back to the sign-in page with the invited address filled in. */
export function SwitchAccountButton({ signInUrl }: { signInUrl: string }) {
  return (
    <Button variant="secondary" className="w-full" onClick={() => void signOut({ callbackUrl: signInUrl })}>
      Sign out and use the invited address
    </Button>
  );
}
