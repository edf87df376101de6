// The event log of a provider or an organization: filter bar, who/what/when table in plain
// sentences, keyset paging, CSV export of the current filter and the chain verification. Server
// component; the filter bar and the verification are small client parts. Reads through the same
// services as the API.
import Link from "next/link";
import { Download, ScrollText, SearchX } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { LocalTime } from "@/components/ui/local-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { DEFAULT_LIMIT, type Page } from "@/lib/api/pagination";
import { AppError } from "@/lib/errors";
import { eventTypesByGroup } from "@/lib/events/catalog";
import { EVENT_TYPE_LABELS } from "@/lib/events/describe";
import type { EventFilter, EventScope } from "@/lib/services/events/event-filter";
import { listEvents, type EventItem } from "@/lib/services/events/list-events";
import { actorLabelInLog, actorOptions, resolveClient, type ClientChoice } from "@/lib/services/events/log-filter-options";
import { EventFilters } from "./event-filters";
import { apiQuery, logHref, readLogParams, timeWindow, typesOf, type LogParams } from "./log-params";
import { VerifyLog } from "./verify-log";

export interface EventLogProps {
  scope: EventScope;
  searchParams: Record<string, string | string[] | undefined>;
  /** The page's own path, for filter and paging links. */
  basePath: string;
  /** The API path of this log (`…/events`), for the CSV export and the verification. */
  apiPath: string;
  verifyHint: string;
}

export async function EventLog({ scope, searchParams, basePath, apiPath, verifyHint }: EventLogProps) {
  const params = readLogParams(searchParams);
  const window = timeWindow(params);
  const [actors, client] = await Promise.all([
    actorOptions(scope),
    scope.kind === "provider" ? resolveClient(scope.providerId, { id: params.org, text: params.client }) : Promise.resolve<ClientChoice>({ kind: "all" }),
  ]);
  if (params.actor && !actors.some((a) => a.id === params.actor)) {
    const label = await actorLabelInLog(scope, params.actor);
    if (label) actors.unshift({ id: params.actor, label });
  }
  const filter: EventFilter = {
    from: window.from,
    to: window.to,
    types: typesOf(params.type),
    actorId: params.actor || undefined,
    organizationId: client.kind === "one" ? client.id : undefined,
  };
  const problem: Problem | undefined = window.problem ? { kind: "range", message: window.problem } : clientProblem(client);
  let page: Page<EventItem> = { data: [], nextCursor: null };
  let staleCursor = false;
  if (!problem) {
    try {
      page = await listEvents(scope, filter, { limit: DEFAULT_LIMIT, cursor: params.cursor || undefined });
    } catch (error) {
      if (!(error instanceof AppError && error.status === 400)) throw error;
      staleCursor = true;
      page = await listEvents(scope, filter, { limit: DEFAULT_LIMIT });
    }
  }
  const filtered = params.range !== "any" || !!params.type || !!params.actor || client.kind !== "all";
  const exportHref = `${apiPath}?${apiQuery(filter, { format: "csv" })}`;
  return (
    <div className="space-y-4">
      <VerifyLog verifyPath={`${apiPath}/verify`} hint={verifyHint} />
      <Card>
        <EventFilters
          // A new filter is a new form: its fields start from the URL again.
          key={logHref(basePath, params, { client: client.kind === "one" ? client.name : params.client })}
          action={basePath}
          values={{ ...params, client: client.kind === "one" ? client.name : params.client, org: client.kind === "one" ? client.id : "" }}
          typeGroups={eventTypesByGroup().map((g) => ({ ...g, types: g.types.map((t) => ({ value: t, label: EVENT_TYPE_LABELS[t] })) }))}
          actors={actors}
          clientFilter={scope.kind === "provider"}
          resetHref={basePath}
          exportLink={
            problem ? null : (
              <a href={exportHref} download className={buttonClass({ variant: "secondary" })}>
                <Download aria-hidden /> Export CSV
              </a>
            )
          }
        />
        {staleCursor ? (
          <Alert tone="warning" className="mx-4 mb-4">
            That page link no longer works; showing the newest events instead.
          </Alert>
        ) : null}
        {problem ? (
          <div className="px-4 pb-4">{problemAlert(problem, basePath, params)}</div>
        ) : page.data.length === 0 ? (
          filtered ? (
            <EmptyState icon={<SearchX />} title="No events match these filters" action={<Link href={basePath} className={buttonClass({ variant: "secondary" })}>Clear filters</Link>}>
              Try a wider date range or another event type.
            </EmptyState>
          ) : (
            <EmptyState icon={<ScrollText />} title="No events yet">
              Everything that happens here — sign-ins, member changes, client access, policy changes — will be listed with who did it and when.
            </EmptyState>
          )
        ) : (
          <>
            <EventTable events={page.data} scope={scope} basePath={basePath} params={params} />
            <KeysetPager
              nextCursor={page.nextCursor}
              isFirstPage={!params.cursor || staleCursor}
              hrefFor={(cursor) => (cursor ? logHref(basePath, params, { cursor, page: params.page + 1 }) : logHref(basePath, params))}
              summary={`Page ${staleCursor ? 1 : params.page} · ${page.data.length} event${page.data.length === 1 ? "" : "s"}, newest first`}
            />
          </>
        )}
      </Card>
    </div>
  );
}

type Problem = { kind: "range"; message: string } | { kind: "client-none"; query: string } | { kind: "client-several"; query: string; matches: { id: string; name: string }[] };

function clientProblem(client: ClientChoice): Problem | undefined {
  if (client.kind === "none") return { kind: "client-none", query: client.query };
  if (client.kind === "several") return { kind: "client-several", query: client.query, matches: client.matches };
  return undefined;
}

function problemAlert(problem: Problem, basePath: string, params: LogParams) {
  if (problem.kind === "client-none") {
    return (
      <Alert tone="warning" title={`No client matches “${problem.query}”`}>
        Check the spelling, or <Link className="font-medium underline" href={logHref(basePath, params, { client: "", org: "" })}>show every client</Link>.
      </Alert>
    );
  }
  if (problem.kind === "client-several") {
    return (
      <Alert tone="info" title={`Several clients match “${problem.query}”. Which one?`}>
        <ul className="mt-1 flex flex-wrap gap-2">
          {problem.matches.map((m) => (
            <li key={m.id}>
              <Link className={buttonClass({ variant: "secondary", size: "sm" })} href={logHref(basePath, params, { client: m.name, org: m.id })}>
                {m.name}
              </Link>
            </li>
          ))}
        </ul>
      </Alert>
    );
  }
  return <Alert tone="warning">{problem.message}</Alert>;
}

function EventTable({ events, scope, basePath, params }: { events: EventItem[]; scope: EventScope; basePath: string; params: LogParams }) {
  return (
    <Table caption="Events, newest first">
      <THead>
        <tr>
          <TH className="w-44">When</TH>
          <TH>What happened</TH>
          <TH className="hidden w-40 lg:table-cell">From</TH>
        </tr>
      </THead>
      <TBody>
        {events.map((event) => (
          <TR key={event.id}>
            <TD className="align-top">
              <LocalTime iso={event.occurredAt} />
            </TD>
            <TD className="align-top">
              <p className="text-slate-900">{event.description}</p>
              <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
                <Badge tone="neutral">{event.typeLabel}</Badge>
                {event.actor?.id ? (
                  <Link className="hover:text-brand-700 hover:underline" href={logHref(basePath, params, { actor: event.actor.id })}>
                    All by {event.actor.name ?? event.actor.email}
                  </Link>
                ) : null}
                {scope.kind === "provider" && event.organization ? (
                  <Link className="hover:text-brand-700 hover:underline" href={logHref(basePath, params, { client: event.organization.name ?? "", org: event.organization.id })}>
                    All in {event.organization.name ?? "this organization"}
                  </Link>
                ) : null}
              </div>
            </TD>
            <TD className="hidden align-top text-xs text-slate-500 lg:table-cell">
              <span title={event.userAgent ?? undefined}>{event.ip ?? "—"}</span>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
