"use client";
// A time in the viewer's own time zone, with the exact UTC time on hover. The server renders UTC
// (it cannot know the viewer's zone); the browser replaces it after hydration.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const local = useSyncExternalStore(
    subscribe,
    () => format(iso, dateOnly, undefined),
    () => format(iso, dateOnly, "UTC"),
  );
  return (
    <time dateTime={iso} title={`${iso.replace("T", " ").replace("Z", "")} UTC`} className="tabular whitespace-nowrap">
      {local}
    </time>
  );
}

function format(iso: string, dateOnly: boolean, timeZone: string | undefined): string {
  const date = new Date(iso);
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    ...(dateOnly ? {} : { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }),
    ...(timeZone === "UTC" && !dateOnly ? { timeZoneName: "short" } : {}),
  }).format(date);
}
