"use client";
// One vault item, fetched when opened (secrets never sit in the page's HTML). Secret values are
// masked until revealed; values the member's permission hides were removed by the server.
import { useState } from "react";
import { Copy, Eye, EyeOff } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogContent, DialogRoot, DialogTrigger } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { api, errorMessage } from "@/lib/client/api";
import { ITEM_TYPE_LABEL, PERMISSION_LABEL, type ItemType, type Permission } from "../labels";

interface Item {
  id: string;
  type: ItemType;
  name: string;
  permission: Permission;
  secretsHidden: boolean;
  data: {
    notes: string | null;
    fields: { name: string; value: string | null; type: "text" | "hidden" | "boolean" | "linked" }[];
    login?: { username: string | null; password: string | null; totp: string | null; uris: { uri: string }[] };
    card?: Record<"cardholderName" | "brand" | "number" | "expMonth" | "expYear" | "code", string | null>;
    identity?: Record<string, string | null>;
  };
}

const IDENTITY_LABELS: Record<string, string> = {
  title: "Title",
  firstName: "First name",
  middleName: "Middle name",
  lastName: "Last name",
  company: "Company",
  email: "Email",
  phone: "Phone",
  username: "Username",
  address1: "Address",
  address2: "Address 2",
  address3: "Address 3",
  city: "City",
  state: "State",
  postalCode: "Postal code",
  country: "Country",
  ssn: "Social security number",
  passportNumber: "Passport number",
  licenseNumber: "License number",
};
const SECRET_IDENTITY = new Set(["ssn", "passportNumber", "licenseNumber"]);

export function ItemDialog({ organizationId, itemId, name }: { organizationId: string; itemId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [item, setItem] = useState<Item | null>(null);
  const [error, setError] = useState<string>();


  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setItem(null);
        setError(undefined);
        if (next) {
          api<Item>(`/api/v1/organizations/${organizationId}/items/${itemId}`)
            .then(setItem)
            .catch((e) => setError(errorMessage(e)));
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`View ${name}`}>
          View
        </Button>
      </DialogTrigger>
      <DialogContent title={name} description={item ? `${ITEM_TYPE_LABEL[item.type]} · ${PERMISSION_LABEL[item.permission]}` : undefined}>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {!item && !error ? <Spinner label="Loading item" /> : null}
        {item ? (
          <div className="space-y-4 text-sm">
            {item.secretsHidden ? (
              <Alert tone="info">Your access to this item hides passwords, verification codes and other secret fields.</Alert>
            ) : null}
            <dl className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
              {item.data.login ? (
                <>
                  <Row label="Username" value={item.data.login.username} />
                  <Row label="Password" value={item.data.login.password} secret hidden={item.secretsHidden} />
                  <Row label="Authenticator key (TOTP)" value={item.data.login.totp} secret hidden={item.secretsHidden} />
                  {item.data.login.uris.map((u, i) => (
                    <Row key={i} label={`Website${item.data.login!.uris.length > 1 ? ` ${i + 1}` : ""}`} value={u.uri} />
                  ))}
                </>
              ) : null}
              {item.data.card ? (
                <>
                  <Row label="Cardholder" value={item.data.card.cardholderName} />
                  <Row label="Brand" value={item.data.card.brand} />
                  <Row label="Number" value={item.data.card.number} secret hidden={item.secretsHidden} />
                  <Row label="Expires" value={item.data.card.expMonth || item.data.card.expYear ? `${item.data.card.expMonth ?? "—"} / ${item.data.card.expYear ?? "—"}` : null} />
                  <Row label="Security code" value={item.data.card.code} secret hidden={item.secretsHidden} />
                </>
              ) : null}
              {item.data.identity
                ? Object.entries(IDENTITY_LABELS).map(([key, label]) => (
                    <Row key={key} label={label} value={item.data.identity![key] ?? null} secret={SECRET_IDENTITY.has(key)} hidden={SECRET_IDENTITY.has(key) && item.secretsHidden} omitEmpty />
                  ))
                : null}
              {item.data.fields.map((f, i) => (
                <Row key={`f${i}`} label={f.name || "Custom field"} value={f.value} secret={f.type === "hidden"} hidden={f.type === "hidden" && item.secretsHidden} />
              ))}
            </dl>
            {item.data.notes ? (
              <div>
                <h3 className="mb-1 font-medium text-slate-800">Notes</h3>
                <p className="rounded-md bg-slate-50 p-3 whitespace-pre-wrap text-slate-800">{item.data.notes}</p>
              </div>
            ) : null}
            {item.data.login || item.data.card || item.data.identity || item.data.fields.length || item.data.notes ? null : <p className="text-slate-500">This item has no details.</p>}
          </div>
        ) : null}
      </DialogContent>
    </DialogRoot>
  );
}

function Row({ label, value, secret = false, hidden = false, omitEmpty = false }: { label: string; value: string | null; secret?: boolean; hidden?: boolean; omitEmpty?: boolean }) {
  const [revealed, setRevealed] = useState(false);
  if (omitEmpty && !value && !hidden) return null;
  return (
    <div className="grid grid-cols-3 items-center gap-3 px-3 py-2">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 flex min-w-0 items-center gap-1">
        {hidden ? (
          <span className="text-slate-500 italic">Hidden by your permission</span>
        ) : value ? (
          <>
            <span className="min-w-0 flex-1 truncate font-mono text-slate-900">{secret && !revealed ? "••••••••••" : value}</span>
            {secret ? (
              <Button variant="ghost" size="sm" aria-label={`${revealed ? "Hide" : "Show"} ${label.toLowerCase()}`} onClick={() => setRevealed(!revealed)}>
                {revealed ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
              </Button>
            ) : null}
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Copy ${label.toLowerCase()}`}
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(value);
                  toast.success(`${label} copied.`);
                } catch {
                  toast.error("Copying is blocked by the browser.");
                }
              }}
            >
              <Copy aria-hidden />
            </Button>
          </>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </dd>
    </div>
  );
}
