import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main id="main" className="flex min-h-[70vh] flex-col items-center justify-center px-4 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className={buttonClass({ variant: "secondary" }, "mt-6")}>
        Go home
      </Link>
    </main>
  );
}
