"use client";
// Sign-up form. With an invitation (sign-up from an organization invitation link) the account joins
// as it is created; when the organization first needs two-step login, the person lands on their
// account settings with a way back to the invitation.
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { api, ApiError } from "@/lib/client/api";

interface InvitationRef {
  organizationId: string;
  memberId: string;
  token: string;
}

export function SignUpForm({ callbackUrl, email: initialEmail, invitation }: { callbackUrl: string; email?: string; invitation?: InvitationRef }) {
  const router = useRouter();
  const [form, setForm] = useState({ name: "", email: initialEmail ?? "", password: "" });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setFields({});
    try {
      const registered = await api<{ invitation?: { joined: boolean; organizationId: string } }>("/api/v1/auth/register", {
        body: invitation ? { ...form, invitation } : form,
      });
      const result = await signIn("credentials", { redirect: false, email: form.email, password: form.password, callbackUrl });
      if (!result || result.error) throw new Error("sign-in after registration failed");
      const outcome = registered.invitation;
      router.push(!outcome ? callbackUrl : outcome.joined ? `/organizations/${outcome.organizationId}` : `/account?returnTo=${encodeURIComponent(callbackUrl)}`);
      router.refresh();
    } catch (e) {
      setPending(false);
      if (e instanceof ApiError) {
        setFields(e.fields ?? {});
        setError(e.message);
      } else {
        setError("Your account was created, but signing in failed. Try signing in.");
      }
    }
  }

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field label="Full name" error={fields.name}>
        {(p) => <Input {...p} name="name" autoComplete="name" required value={form.name} onChange={set("name")} />}
      </Field>
      <Field label="Email" error={fields.email}>
        {(p) => <Input {...p} type="email" name="email" autoComplete="username" required value={form.email} onChange={set("email")} />}
      </Field>
      <Field
        label="Password"
        error={fields.password}
        hint={invitation ? "At least 12 characters, and any rules listed above. A passphrase of a few unrelated words works well." : "At least 12 characters. A passphrase of a few unrelated words works well."}
      >
        {(p) => <Input {...p} type="password" name="password" autoComplete="new-password" required value={form.password} onChange={set("password")} />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? <Spinner label="Creating account" /> : null}
        Create account
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}${form.email ? `&email=${encodeURIComponent(form.email)}` : ""}`} className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
