-- CreateTable
CREATE TABLE "api_keys" (
    "key_id" VARCHAR NOT NULL,
    "scope" VARCHAR NOT NULL,
    "name" VARCHAR,
    "secret_hash" VARCHAR NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(6),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("key_id")
);

-- Hand-written: NOTIFY on every insert or update of pipeline_runs and placed_bets, so that the
-- API's GraphQL subscriptions see writes made by any process (the worker runs apart from the API).
-- The payload is small JSON naming the row.
CREATE FUNCTION "edgeline_notify_pipeline_run"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('edgeline_pipeline_run',
    json_build_object('runId', NEW.run_id::text, 'sport', NEW.sport, 'status', NEW.status)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER "pipeline_runs_notify" AFTER INSERT OR UPDATE ON "pipeline_runs"
  FOR EACH ROW EXECUTE FUNCTION "edgeline_notify_pipeline_run"();

CREATE FUNCTION "edgeline_notify_placed_bet"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('edgeline_placed_bet', json_build_object('betId', NEW.bet_id, 'status', NEW.status)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER "placed_bets_notify" AFTER INSERT OR UPDATE ON "placed_bets"
  FOR EACH ROW EXECUTE FUNCTION "edgeline_notify_placed_bet"();
