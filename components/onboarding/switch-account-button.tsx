"use client";
// Signs out and sends the person to sign in as the invited email, coming back to this link afterwards.
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

export function SwitchAccountButton({ email, returnTo }: { email: string; returnTo: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      className="w-full"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: `/sign-in?email=${encodeURIComponent(email)}&callbackUrl=${encodeURIComponent(returnTo)}` });
      }}
    >
      {pending ? <Spinner label="Signing out" /> : null}
      Sign out and continue as {email}
    </Button>
  );
}
