"use client";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { api, errorMessage } from "@/lib/client/api";

export function AcceptInvitationButton({ organizationId, memberId, token, organizationName }: { organizationId: string; memberId: string; token: string; organizationName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  async function accept() {
    setPending(true);
    setError(undefined);
    try {
      await api(`/api/v1/organizations/${organizationId}/members/${memberId}/accept`, { body: { token } });
      router.push(`/organizations/${organizationId}`);
      router.refresh();
    } catch (e) {
      setPending(false);
      setError(errorMessage(e));
    }
  }
  return (
    <div className="space-y-4">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Button className="w-full" onClick={accept} disabled={pending}>
        {pending ? <Spinner label="Accepting" /> : null}
        Join {organizationName}
      </Button>
    </div>
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
