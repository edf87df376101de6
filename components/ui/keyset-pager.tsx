import Link from "next/link";
import { ChevronRight, ChevronsLeft } from "lucide-react";
import { buttonClass } from "./button";

/**
 * Keyset paging controls: "First page" and "Next". Keyset pages cannot jump to page N, but every
 * page costs the same at any depth. `hrefFor(cursor)` keeps the current filters.
 */
export function KeysetPager({ nextCursor, isFirstPage, hrefFor, summary }: { nextCursor: string | null; isFirstPage: boolean; hrefFor: (cursor: string | null) => string; summary?: string }) {
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm text-slate-600">
      <span>{summary}</span>
      <div className="flex gap-2">
        {isFirstPage ? null : (
          <Link href={hrefFor(null)} className={buttonClass({ variant: "secondary", size: "sm" })}>
            <ChevronsLeft aria-hidden /> First page
          </Link>
        )}
        {nextCursor ? (
          <Link href={hrefFor(nextCursor)} className={buttonClass({ variant: "secondary", size: "sm" })} rel="next">
            Next <ChevronRight aria-hidden />
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
