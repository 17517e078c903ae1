-- CreateTable
CREATE TABLE "source_fetches" (
    "source" VARCHAR NOT NULL,
    "sport" VARCHAR NOT NULL,
    "last_success_at" TIMESTAMPTZ(6) NOT NULL,
    "records" INTEGER NOT NULL,

    CONSTRAINT "source_fetches_pkey" PRIMARY KEY ("source","sport")
);

-- CreateTable
CREATE TABLE "notification_events" (
    "event_id" VARCHAR NOT NULL,
    "event_type" VARCHAR NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "notification_deliveries" (
    "delivery_id" BIGSERIAL NOT NULL,
    "event_id" VARCHAR NOT NULL,
    "sink" VARCHAR NOT NULL,
    "status" VARCHAR NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_status" VARCHAR,
    "last_error" VARCHAR,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(6),

    CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("delivery_id")
);

-- CreateIndex
CREATE INDEX "notification_events_occurred_at_idx" ON "notification_events"("occurred_at");

-- CreateIndex
CREATE INDEX "notification_deliveries_created_at_idx" ON "notification_deliveries"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_deliveries_event_id_sink_key" ON "notification_deliveries"("event_id", "sink");

-- AddForeignKey
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "notification_events"("event_id") ON DELETE CASCADE ON UPDATE NO ACTION;
