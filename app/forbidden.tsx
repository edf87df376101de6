import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main id="main" className="flex min-h-[70vh] flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">You do not have access to this page</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">Your role does not include this. If you need it, ask an administrator of this provider or organization.</p>
      <Link href="/" className={buttonClass({ variant: "secondary" }, "mt-6")}>
        Go home
      </Link>
    </main>
  );
}
