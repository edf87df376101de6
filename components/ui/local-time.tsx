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

// Building an Intl.DateTimeFormat costs far more than formatting with one (a list of 50 rows made
// it most of the page's server time), so each shape is built once.
const formatters = new Map<string, Intl.DateTimeFormat>();

function format(iso: string, dateOnly: boolean, timeZone: string | undefined): string {
  const key = `${dateOnly ? "date" : "time"}|${timeZone ?? ""}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "short",
      day: "numeric",
      ...(dateOnly ? {} : { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }),
      ...(timeZone === "UTC" && !dateOnly ? { timeZoneName: "short" } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}
