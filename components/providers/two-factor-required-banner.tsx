// Shown on a provider's pages to a member without two-step login while the provider requires it:
// they cannot open client organizations until they turn it on.
import { ShieldAlert } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";

export function TwoFactorRequiredBanner({ providerName }: { providerName: string }) {
  return (
    <Alert
      tone="warning"
      className="mb-6"
      title="Turn on two-step login to open clients"
      action={
        <ButtonLink href="/account" size="sm">
          <ShieldAlert aria-hidden /> Turn on two-step login
        </ButtonLink>
      }
    >
      {providerName} requires two-step login of its members. Until you turn it on in your account settings, you cannot open client organizations.
    </Alert>
  );
}
