"use client";
// Changing the password. The API ends every other session and hands this browser a new session
// cookie, so the person stays signed in here. The organizations' password rules, if any, are listed
// above the fields; the server checks them (the strictest of each applies).
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, ApiError, errorMessage } from "@/lib/client/api";
import { PasswordRulesList } from "./password-rules";

const EMPTY = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function PasswordChangeForm({ email, rules, organizations }: { email: string; rules: string[]; organizations: string[] }) {
  const router = useRouter();
  const [form, setForm] = useState(EMPTY);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (form.newPassword !== form.confirmPassword) {
      setFields({ confirmPassword: "The new passwords do not match." });
      return;
    }
    setFields({});
    setPending(true);
    try {
      await api("/api/v1/me/password", { body: { currentPassword: form.currentPassword, newPassword: form.newPassword } });
      setForm(EMPTY);
      toast.success("Password changed. You were signed out everywhere else.");
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.fields) {
        setFields(e.fields);
        if (e.code === "password_policy") setError(e.message);
      } else setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <form onSubmit={submit} className="max-w-md space-y-4" noValidate>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <PasswordRulesList id="password-rules" rules={rules} organizations={organizations} />
      {/* Tells password managers which account the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label="Current password" error={fields.currentPassword}>
        {(p) => <Input {...p} type="password" name="currentPassword" autoComplete="current-password" value={form.currentPassword} onChange={set("currentPassword")} />}
      </Field>
      <Field
        label="New password"
        error={fields.newPassword}
        hint={rules.length ? "It must meet the rules above. A passphrase of a few unrelated words works well." : "At least 12 characters. A passphrase of a few unrelated words works well."}
      >
        {(p) => <Input {...p} type="password" name="newPassword" autoComplete="new-password" value={form.newPassword} onChange={set("newPassword")} />}
      </Field>
      <Field label="Confirm new password" error={fields.confirmPassword}>
        {(p) => <Input {...p} type="password" name="confirmPassword" autoComplete="new-password" value={form.confirmPassword} onChange={set("confirmPassword")} />}
      </Field>
      <Button type="submit" disabled={pending || !form.currentPassword || !form.newPassword}>
        {pending ? <Spinner label="Changing password" /> : null}
        Change password
      </Button>
    </form>
  );
}
