// Billing periods are calendar months in UTC, written "YYYY-MM". A period is billed in arrears,
// once it has ended.
import { z } from "zod";

export const periodSchema = z
  .string({ message: "Give the period as YYYY-MM." })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Give the period as YYYY-MM, e.g. 2026-10.");

export interface Period {
  key: string;
  /** First instant of the period (inclusive). */
  start: Date;
  /** First instant after the period (exclusive). */
  end: Date;
  days: number;
}

export function parsePeriod(key: string): Period {
  const parsed = periodSchema.parse(key);
  const [year, month] = parsed.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1, 1));
  const end = new Date(Date.UTC(year, month, 1));
  return { key: parsed, start, end, days: Math.round((end.getTime() - start.getTime()) / 86_400_000) };
}

export function periodOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function shiftPeriod(key: string, months: number): string {
  const { start } = parsePeriod(key);
  return periodOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1)));
}

/** The most recent period that has ended at `now`. */
export function lastClosedPeriod(now: Date): string {
  return shiftPeriod(periodOf(now), -1);
}

export function isClosed(key: string, now: Date): boolean {
  return parsePeriod(key).end.getTime() <= now.getTime();
}
