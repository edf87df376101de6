"use client";
// A search-as-you-type combobox for picking one record from a list that may be huge (members,
// groups, collections): it asks the server for matches instead of loading everything.
// Keyboard: ↑/↓ to move, Enter to pick, Escape to close (ARIA combobox pattern).
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { Input, Label } from "./form";
import { Spinner } from "./spinner";

export interface PickerOption {
  id: string;
  label: string;
  description?: string;
}

export function EntityPicker({
  label,
  placeholder,
  search,
  exclude = [],
  onPick,
  className,
}: {
  label: string;
  placeholder?: string;
  /** Returns matches for the query (an empty query lists the first ones). */
  search: (query: string) => Promise<PickerOption[]>;
  /** Ids already chosen, left out of the results. */
  exclude?: string[];
  onPick: (option: PickerOption) => void;
  className?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<PickerOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(0);
  const [failed, setFailed] = useState(false);
  const request = useRef(0);
  const excluded = new Set(exclude);
  const visible = options.filter((o) => !excluded.has(o.id));

  useEffect(() => {
    if (!open) return;
    const current = ++request.current;
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const found = await search(query.trim());
        if (current === request.current) {
          setOptions(found);
          setFailed(false);
          setActive(0);
        }
      } catch {
        if (current === request.current) setFailed(true);
      } finally {
        if (current === request.current) setLoading(false);
      }
    }, 200);
    return () => clearTimeout(timer);
  }, [query, open, search]);

  function pick(option: PickerOption) {
    onPick(option);
    setQuery("");
    setOpen(false);
  }

  return (
    <div className={cn("relative space-y-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      <div className="relative">
        <Input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={open && visible[active] ? `${id}-${visible[active].id}` : undefined}
          autoComplete="off"
          placeholder={placeholder}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, Math.max(visible.length - 1, 0)));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === "Enter" && open && visible[active]) {
              e.preventDefault();
              pick(visible[active]);
            } else if (e.key === "Escape") {
              setOpen(false);
            }
          }}
        />
        {loading ? <Spinner className="absolute top-2.5 right-2.5 text-slate-400" label="Searching" /> : null}
      </div>
      {open ? (
        <ul id={`${id}-list`} role="listbox" aria-label={label} className="absolute z-50 mt-1 max-h-64 w-full overflow-y-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200">
          {visible.map((option, index) => (
            <li
              key={option.id}
              id={`${id}-${option.id}`}
              role="option"
              aria-selected={index === active}
              className={cn("cursor-pointer px-3 py-2", index === active ? "bg-brand-50 text-brand-900" : "text-slate-800")}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => pick(option)}
            >
              <span className="block font-medium">{option.label}</span>
              {option.description ? <span className="block text-xs text-slate-500">{option.description}</span> : null}
            </li>
          ))}
          {!loading && visible.length === 0 ? (
            <li role="option" aria-selected={false} aria-disabled className="px-3 py-2 text-slate-500">
              {failed ? "Search failed. Try again." : query ? "No matches." : "Nothing to add."}
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
