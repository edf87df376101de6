// Shown to Provider Admins while their provider has exactly one confirmed Provider Admin: the
// platform cannot recover a locked-out account, so a second admin is the only failover.
import { UserPlus } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";

export function FailoverBanner({ providerId }: { providerId: string }) {
  return (
    <Alert
      tone="warning"
      className="mb-6"
      title="Add a second Provider Admin"
      action={
        <ButtonLink href={`/providers/${providerId}/people`} size="sm">
          <UserPlus aria-hidden /> Invite an admin
        </ButtonLink>
      }
    >
      You are this provider&apos;s only confirmed Provider Admin. If you lose access to your account, the platform cannot recover it, and nobody could manage your
      people, clients or billing. Invite and confirm a second Provider Admin for failover.
    </Alert>
  );
}
