"use client";
// The provider's "require two-step login" setting (Provider Admins). Members without two-step login
// then cannot open client organizations until they turn it on; the provider's own pages stay open.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, errorMessage } from "@/lib/client/api";

export function ProviderSecurityForm({ providerId, require2fa }: { providerId: string; require2fa: boolean }) {
  const router = useRouter();
  const [value, setValue] = useState(require2fa);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await api(`/api/v1/providers/${providerId}`, { method: "PATCH", body: { require2fa: value } });
      toast.success(value ? "Two-step login is now required to open clients." : "Two-step login is no longer required to open clients.");
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <Checkbox className="mt-0.5" name="require2fa" checked={value} onChange={(e) => setValue(e.target.checked)} />
        <span>
          <span className="font-medium">Require two-step login for provider members</span>
          <span className="block text-xs text-slate-500">
            Members without it cannot open client organizations until they turn it on in their account settings. They can still sign in and see this
            provider&apos;s pages.
          </span>
        </span>
      </label>
      <Button type="submit" disabled={pending || value === require2fa}>
        {pending ? <Spinner label="Saving" /> : null}
        Save
      </Button>
    </form>
  );
}
