"use client";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/client/api";

export function SignOutEverywhereButton() {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Sign out everywhere</Button>}
      title="Sign out everywhere?"
      description="Every browser and device signed in to your account is signed out, including this one."
      confirmLabel="Sign out everywhere"
      onConfirm={async () => {
        await api("/api/v1/me/sign-out-everywhere", { method: "POST" });
        router.replace("/sign-in");
        router.refresh();
      }}
    />
  );
}
