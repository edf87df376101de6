import { describe, expect, it } from "vitest";
import { ClientScopeBody } from "@/lib/services/provider-users/schemas";
import { reportToCsv } from "./report-csv";
import { defaultReportOrder, reportQuerySchema } from "./schemas";

describe("reportQuerySchema", () => {
  it("defaults the page size and refuses unknown sorts and formats", () => {
    expect(reportQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(reportQuerySchema.safeParse({ sort: "bogus" }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ format: "xlsx" }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ limit: "500" }).success).toBe(false);
  });

  it("orders seats largest first and everything else ascending by default", () => {
    expect(defaultReportOrder("seats")).toBe("desc");
    expect(defaultReportOrder("utilization")).toBe("asc");
  });
});

describe("reportToCsv", () => {
  it("writes percentages, booleans and neutralised formulas", () => {
    const csv = reportToCsv(
      "seat-utilization",
      [{ id: "1", name: "+cmd", plan: "TEAMS_MONTHLY", seats: 3, occupiedSeats: 1, availableSeats: 2, utilization: 1 / 3, enabled: false }],
      true,
    );
    expect(csv.split("\r\n")).toEqual([
      "client_id,client_name,plan,assigned_seats,occupied_seats,available_seats,utilization_percent,enabled",
      "1,'+cmd,TEAMS_MONTHLY,3,1,2,33.3,false",
      "",
    ]);
  });
});

describe("ClientScopeBody", () => {
  const id = "0a6dbb3e-b483-467c-a5ac-fb14d6516a16";
  it("takes a scope with ids, or all clients without any", () => {
    expect(ClientScopeBody.parse({ clientScoped: true, organizationIds: [id] })).toEqual({ clientScoped: true, organizationIds: [id] });
    expect(ClientScopeBody.parse({ clientScoped: false })).toEqual({ clientScoped: false, organizationIds: [] });
  });
  it("refuses ids with all clients, bad ids and a missing flag", () => {
    expect(ClientScopeBody.safeParse({ clientScoped: false, organizationIds: [id] }).success).toBe(false);
    expect(ClientScopeBody.safeParse({ clientScoped: true, organizationIds: ["x"] }).success).toBe(false);
    expect(ClientScopeBody.safeParse({ organizationIds: [] }).success).toBe(false);
  });
});
