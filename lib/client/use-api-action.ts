"use client";
// Run an API call from a button or form: shows a toast for the outcome and refreshes the server-
// rendered page so lists and counts reflect the change.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "./api";

export function useApiAction() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function run<T>(action: () => Promise<T>, messages: { success?: string | ((result: T) => string) } = {}): Promise<T | undefined> {
    setPending(true);
    try {
      const result = await action();
      const success = typeof messages.success === "function" ? messages.success(result) : messages.success;
      if (success) toast.success(success);
      router.refresh();
      return result;
    } catch (error) {
      toast.error(errorMessage(error));
      return undefined;
    } finally {
      setPending(false);
    }
  }
  return { pending, run };
}
