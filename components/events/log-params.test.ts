import { describe, expect, it } from "vitest";
import { apiQuery, logHref, readLogParams, startOfDay, timeWindow, todayIn, typesOf } from "./log-params";

const NOW = new Date("2026-03-08T15:30:00.000Z");

describe("startOfDay", () => {
  it.each([
    ["2026-06-15", "UTC", "2026-06-15T00:00:00.000Z"],
    ["2026-06-15", "Europe/Berlin", "2026-06-14T22:00:00.000Z"],
    ["2026-01-15", "Europe/Berlin", "2026-01-14T23:00:00.000Z"],
    ["2026-06-15", "Asia/Kolkata", "2026-06-14T18:30:00.000Z"],
    // New York switches to daylight time at 02:00 that day: midnight is still UTC-5.
    ["2026-03-08", "America/New_York", "2026-03-08T05:00:00.000Z"],
    ["2026-03-09", "America/New_York", "2026-03-09T04:00:00.000Z"],
    ["2026-06-15", "Pacific/Auckland", "2026-06-14T12:00:00.000Z"],
  ])("%s starts in %s at %s", (day, tz, iso) => {
    expect(startOfDay(day, tz).toISOString()).toBe(iso);
  });

  it("knows which day it is in a zone", () => {
    expect(todayIn("UTC", NOW)).toBe("2026-03-08");
    expect(todayIn("Pacific/Auckland", NOW)).toBe("2026-03-09");
    expect(todayIn("America/Los_Angeles", new Date("2026-03-08T05:00:00Z"))).toBe("2026-03-07");
  });
});

describe("timeWindow", () => {
  const params = (over: Record<string, string>) => readLogParams(over);
  it("turns presets into instants", () => {
    expect(timeWindow(params({}), NOW)).toEqual({});
    expect(timeWindow(params({ range: "today", tz: "Europe/Berlin" }), NOW)).toEqual({ from: new Date("2026-03-07T23:00:00.000Z") });
    expect(timeWindow(params({ range: "7d" }), NOW)).toEqual({ from: new Date("2026-03-01T15:30:00.000Z") });
    expect(timeWindow(params({ range: "30d" }), NOW)).toEqual({ from: new Date("2026-02-06T15:30:00.000Z") });
  });

  it("includes both days of a custom range, in the viewer's zone", () => {
    expect(timeWindow(params({ range: "custom", from: "2026-03-01", to: "2026-03-07", tz: "Europe/Berlin" }), NOW)).toEqual({
      from: new Date("2026-02-28T23:00:00.000Z"),
      to: new Date("2026-03-07T23:00:00.000Z"),
    });
    expect(timeWindow(params({ range: "custom", from: "2026-03-05" }), NOW)).toEqual({ from: new Date("2026-03-05T00:00:00.000Z"), to: undefined });
    expect(timeWindow(params({ range: "custom", from: "2026-03-05", to: "2026-03-01" }), NOW).problem).toMatch(/before the start/);
  });
});

describe("readLogParams", () => {
  it("keeps what is well-formed and drops the rest", () => {
    expect(readLogParams({ range: "forever", from: "yesterday", tz: "Mars/Base", actor: "x", org: "1", page: "-3", client: ["Contoso", "x"] })).toMatchObject({
      range: "any",
      from: "",
      tz: "UTC",
      actor: "",
      org: "",
      page: 1,
      client: "Contoso",
    });
  });
});

describe("typesOf", () => {
  it("reads one type, a whole group, or nothing", () => {
    expect(typesOf("MEMBER_INVITED")).toEqual(["MEMBER_INVITED"]);
    expect(typesOf("group:groupsCollections")).toEqual(["GROUP_CREATED", "GROUP_UPDATED", "GROUP_DELETED", "COLLECTION_CREATED", "COLLECTION_UPDATED", "COLLECTION_DELETED"]);
    expect(typesOf("group:nope")).toBeUndefined();
    expect(typesOf("")).toBeUndefined();
    expect(typesOf("DROP TABLE")).toBeUndefined();
  });
});

describe("links", () => {
  it("keep the filter, drop defaults, and reset paging unless asked", () => {
    const params = readLogParams({ range: "7d", from: "2026-01-01", type: "MEMBER_INVITED", cursor: "abc", page: "3", tz: "UTC" });
    expect(logHref("/p/1/events", params)).toBe("/p/1/events?range=7d&type=MEMBER_INVITED");
    expect(logHref("/p/1/events", params, { cursor: "next", page: 4 })).toBe("/p/1/events?range=7d&type=MEMBER_INVITED&cursor=next&page=4");
    expect(logHref("/p/1/events", readLogParams({}))).toBe("/p/1/events");
  });

  it("build the API query of a filter", () => {
    expect(apiQuery({ from: new Date("2026-01-01T00:00:00Z"), types: ["MEMBER_INVITED", "MEMBER_REMOVED"], actorId: "a" }, { format: "csv" })).toBe(
      "from=2026-01-01T00%3A00%3A00.000Z&type=MEMBER_INVITED%2CMEMBER_REMOVED&actorId=a&format=csv",
    );
  });
});
