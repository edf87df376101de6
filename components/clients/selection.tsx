"use client";
// Row selection for server-rendered tables (client list, template drift): the rows stay server
// components; only the checkboxes and the action bar share this state. "All N matching" selects
// the whole search, not just the rows on the page, and the action then runs server-side in batches.
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { Checkbox } from "@/components/ui/form";

interface Selection {
  ids: Set<string>;
  /** True when "all N matching" is chosen (the ids on the page no longer matter). */
  all: boolean;
  toggle: (id: string, on: boolean) => void;
  setPage: (on: boolean) => void;
  setAll: (on: boolean) => void;
  clear: () => void;
  pageIds: string[];
}

const SelectionContext = createContext<Selection | null>(null);

export function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useSelection needs a SelectionProvider");
  return selection;
}

export function SelectionProvider({ pageIds, children }: { pageIds: string[]; children: ReactNode }) {
  const [ids, setIds] = useState<Set<string>>(new Set());
  const [all, setAllState] = useState(false);
  const value = useMemo<Selection>(
    () => ({
      ids,
      all,
      pageIds,
      toggle: (id, on) => {
        setAllState(false);
        setIds((current) => {
          const next = new Set(current);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        });
      },
      setPage: (on) => {
        setAllState(false);
        setIds(on ? new Set(pageIds) : new Set());
      },
      setAll: (on) => {
        setAllState(on);
        if (!on) setIds(new Set());
      },
      clear: () => {
        setAllState(false);
        setIds(new Set());
      },
    }),
    [ids, all, pageIds],
  );
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export function RowCheckbox({ id, name }: { id: string; name: string }) {
  const { ids, all, toggle } = useSelection();
  return <Checkbox aria-label={`Select ${name}`} checked={all || ids.has(id)} onChange={(e) => toggle(id, e.target.checked)} />;
}

export function PageCheckbox() {
  const { ids, all, pageIds, setPage } = useSelection();
  const checked = all || (pageIds.length > 0 && pageIds.every((id) => ids.has(id)));
  return <Checkbox aria-label="Select every client on this page" checked={checked} onChange={(e) => setPage(e.target.checked)} />;
}
