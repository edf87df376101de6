"use client";
// Accepts a provider invitation, then explains that an admin still has to confirm the membership.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { api, errorMessage } from "@/lib/client/api";

export function AcceptInvitationButton({ providerId, providerUserId, token, providerName }: { providerId: string; providerUserId: string; token: string; providerName: string }) {
  const [state, setState] = useState<"idle" | "pending" | "accepted">("idle");
  const [error, setError] = useState<string>();
  if (state === "accepted") {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Invitation accepted">
          A Provider Admin of {providerName} now confirms your membership. You can open the provider as soon as they do; we will email you.
        </Alert>
        <ButtonLink href="/" className="w-full">
          Go to Provider Portal
        </ButtonLink>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Button
        className="w-full"
        disabled={state === "pending"}
        onClick={async () => {
          setState("pending");
          setError(undefined);
          try {
            await api(`/api/v1/providers/${providerId}/users/${providerUserId}/accept`, { body: { token } });
            setState("accepted");
          } catch (e) {
            setError(errorMessage(e));
            setState("idle");
          }
        }}
      >
        {state === "pending" ? <Spinner label="Accepting" /> : null}
        Accept invitation
      </Button>
    </div>
  );
}
