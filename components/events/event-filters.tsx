"use client";
// The log's filter bar: a plain GET form (it works without JavaScript), enhanced to apply a choice
// at once, to show the date fields only for a custom range, and to send the browser's time zone so
// "today" and calendar days mean the viewer's days.
import { useRouter } from "next/navigation";
import { useRef, useState, useSyncExternalStore, useTransition, type FormEvent, type ReactNode } from "react";
import { Filter, RotateCcw } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/form";
import { Spinner } from "@/components/ui/spinner";
import { RANGE_PRESETS, type LogParams, type RangePreset } from "./log-params";

interface TypeGroup {
  group: string;
  label: string;
  types: { value: string; label: string }[];
}

export interface EventFiltersProps {
  action: string;
  values: LogParams;
  typeGroups: TypeGroup[];
  actors: { id: string; label: string }[];
  /** The provider log filters by client organization (a name field, resolved on the server). */
  clientFilter: boolean;
  resetHref: string;
  exportLink: ReactNode;
}

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function EventFilters({ action, values, typeGroups, actors, clientFilter, resetHref, exportLink }: EventFiltersProps) {
  const form = useRef<HTMLFormElement>(null);
  const [range, setRange] = useState<RangePreset>(values.range);
  const tz = useSyncExternalStore(subscribe, browserZone, () => values.tz);
  const [orgId, setOrgId] = useState(values.org);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const apply = () => form.current?.requestSubmit();

  // Navigate in place with a tidy URL (no empty or default fields) instead of a full page load.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      const text = String(value).trim();
      if (!text || (key === "range" && text === "any") || (key === "tz" && text === "UTC")) continue;
      if ((key === "from" || key === "to") && range !== "custom") continue;
      query.set(key, text);
    }
    const search = query.toString();
    startTransition(() => router.push(search ? `${action}?${search}` : action));
  }

  return (
    <form ref={form} method="get" action={action} onSubmit={submit} role="search" aria-label="Filter events" aria-busy={pending} className="border-b border-slate-200 p-4">
      <input type="hidden" name="tz" value={tz} />
      <input type="hidden" name="org" value={orgId} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Date">
          {(props) => (
            <Select
              {...props}
              name="range"
              value={range}
              onChange={(e) => {
                const next = e.target.value as RangePreset;
                setRange(next);
                if (next !== "custom") setTimeout(apply);
              }}
            >
              {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((key) => (
                <option key={key} value={key}>
                  {RANGE_PRESETS[key]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Event type">
          {(props) => (
            <Select {...props} name="type" defaultValue={values.type} onChange={apply}>
              <option value="">All event types</option>
              {typeGroups.map((group) => (
                <optgroup key={group.group} label={group.label}>
                  <option value={`group:${group.group}`}>All: {group.label}</option>
                  {group.types.map((type) => (
                    <option key={type.value} value={type.value}>
                      {type.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Done by">
          {(props) => (
            <Select {...props} name="actor" defaultValue={values.actor} onChange={apply}>
              <option value="">Anyone</option>
              {actors.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actor.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {clientFilter ? (
          <Field label="Client" hint="Type a client's name, then press Enter.">
            {(props) => (
              <Input
                {...props}
                name="client"
                type="search"
                defaultValue={values.client}
                placeholder="All clients"
                autoComplete="off"
                onChange={() => setOrgId("")}
              />
            )}
          </Field>
        ) : null}
      </div>
      {range === "custom" ? (
        <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="From (first day)">{(props) => <Input {...props} type="date" name="from" defaultValue={values.from} />}</Field>
          <Field label="To (last day)">{(props) => <Input {...props} type="date" name="to" defaultValue={values.to} />}</Field>
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? <Spinner label="Loading events" /> : <Filter aria-hidden />} Apply filters
        </Button>
        <a href={resetHref} className={buttonClass({ variant: "ghost" })}>
          <RotateCcw aria-hidden /> Reset
        </a>
        <div className="ml-auto">{exportLink}</div>
      </div>
    </form>
  );
}
