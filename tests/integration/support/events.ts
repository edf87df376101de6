import { db } from "@/lib/db/client";
import type { EventType } from "@/lib/events/catalog";

/** Events of one type (all when omitted), oldest first. */
export function eventsOf(type?: EventType) {
  return db.event.findMany({ where: type ? { type } : {}, orderBy: { id: "asc" } });
}
