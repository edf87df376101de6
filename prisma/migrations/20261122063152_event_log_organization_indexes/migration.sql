-- CreateIndex
CREATE INDEX "events_organization_id_type_occurred_at_id_idx" ON "events"("organization_id", "type", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "events_organization_id_actor_user_id_occurred_at_id_idx" ON "events"("organization_id", "actor_user_id", "occurred_at" DESC, "id" DESC);
