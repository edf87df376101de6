"use client";
// "Are you sure?" for consequential actions: names the consequences, shows progress, keeps the
// dialog open with the error when the action is refused.
import { useState, type ReactNode } from "react";
import { Alert } from "./alert";
import { Button, type ButtonVariant } from "./button";
import { DialogClose, DialogContent, DialogRoot, DialogTrigger } from "./dialog";
import { Spinner } from "./spinner";
import { errorMessage } from "@/lib/client/api";

export function ConfirmDialog({
  trigger,
  title,
  description,
  children,
  confirmLabel,
  variant = "danger",
  onConfirm,
}: {
  trigger: ReactNode;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
  /** Resolves when done; a thrown error is shown in the dialog. */
  onConfirm: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(undefined);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        {children ? <div className="mb-4 text-sm text-slate-700">{children}</div> : null}
        {error ? (
          <Alert tone="danger" className="mb-4">
            {error}
          </Alert>
        ) : null}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            variant={variant}
            disabled={pending}
            onClick={async () => {
              setPending(true);
              setError(undefined);
              try {
                await onConfirm();
                setOpen(false);
              } catch (e) {
                setError(errorMessage(e));
              } finally {
                setPending(false);
              }
            }}
          >
            {pending ? <Spinner label="Working" /> : null}
            {confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
