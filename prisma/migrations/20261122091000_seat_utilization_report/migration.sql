-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "seat_utilization" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "organization_members_status_created_at_id_idx" ON "organization_members"("status", "created_at", "id");

-- CreateIndex
CREATE INDEX "organizations_provider_id_seat_utilization_id_idx" ON "organizations"("provider_id", "seat_utilization", "id");

-- seat_utilization = occupied_seats / seats (0 without seats), kept on every write of either, so the
-- seat utilisation report can walk an index in utilisation order at any number of clients.
CREATE FUNCTION pp_seat_utilization() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.seat_utilization := CASE WHEN NEW.seats > 0 THEN NEW.occupied_seats::double precision / NEW.seats ELSE 0 END;
  RETURN NEW;
END $$;

CREATE TRIGGER organizations_seat_utilization
  BEFORE INSERT OR UPDATE OF seats, occupied_seats, seat_utilization ON organizations
  FOR EACH ROW EXECUTE FUNCTION pp_seat_utilization();

UPDATE organizations SET seat_utilization = CASE WHEN seats > 0 THEN occupied_seats::double precision / seats ELSE 0 END WHERE seats > 0;
