-- Hand-written: NOTIFY when an API key is revoked, changed or deleted, so that every API process
-- drops it from its cache of verified keys at once (packages/api/src/auth/api-key-cache.ts; the
-- cache's time bound still applies while a process's LISTEN connection is down).
CREATE FUNCTION "edgeline_notify_api_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('edgeline_api_key', json_build_object('keyId', OLD.key_id)::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER "api_keys_notify" AFTER UPDATE OR DELETE ON "api_keys"
  FOR EACH ROW EXECUTE FUNCTION "edgeline_notify_api_key"();
