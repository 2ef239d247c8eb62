#!/bin/bash
# What the live stock's commit-time work costs the hot-row reservation statement: pgbench with the
# conditional UPDATE alone, then with the inventory event row, then with the event row and pg_notify
# (the trigger function of V2__inventory.sql). Run as root on a host with Debian's PostgreSQL 15
# cluster started (durable settings); it creates and drops its own database "pgn".
set -e
P="runuser -u postgres --"
SCRIPT=$(mktemp)
trap 'rm -f "$SCRIPT"' EXIT
chmod 644 "$SCRIPT"
$P psql -qc "DROP DATABASE IF EXISTS pgn" >/dev/null
$P psql -qc "CREATE DATABASE pgn" >/dev/null
$P psql -d pgn -q <<'SQL'
CREATE TABLE variant (sku text PRIMARY KEY, product_id bigint NOT NULL);
CREATE TABLE stock (sku text, location int, on_hand int NOT NULL, reserved int NOT NULL,
  PRIMARY KEY (sku, location), CHECK (reserved >= 0 AND reserved <= on_hand));
CREATE TABLE inventory_event (id bigserial PRIMARY KEY, sku text NOT NULL, product_id bigint NOT NULL,
  available int NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());
INSERT INTO variant VALUES ('HOT', 1);
INSERT INTO stock VALUES ('HOT', 1, 2000000000, 0);
CREATE FUNCTION event_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(4242001);
  INSERT INTO inventory_event (sku, product_id, available)
    SELECT NEW.sku, v.product_id, COALESCE((SELECT sum(s.on_hand - s.reserved) FROM stock s WHERE s.sku = NEW.sku), 0)
    FROM variant v WHERE v.sku = NEW.sku;
  RETURN NULL;
END $$;
CREATE FUNCTION event_and_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE event_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(4242001);
  INSERT INTO inventory_event (sku, product_id, available)
    SELECT NEW.sku, v.product_id, COALESCE((SELECT sum(s.on_hand - s.reserved) FROM stock s WHERE s.sku = NEW.sku), 0)
    FROM variant v WHERE v.sku = NEW.sku RETURNING id INTO event_id;
  PERFORM pg_notify('inventory_events', event_id::text);
  RETURN NULL;
END $$;
SQL
echo "UPDATE stock SET reserved = reserved + 1 WHERE sku = 'HOT' AND location = 1 AND on_hand - reserved >= 1;" > "$SCRIPT"
run() { $P /usr/lib/postgresql/15/bin/pgbench -n -f "$SCRIPT" -c 8 -j 2 -T 15 pgn 2>&1 | grep -E '^tps' | sed 's/ (without initial connection time)//'; }
for round in 1 2 3 4; do
  $P psql -d pgn -qc "DROP TRIGGER IF EXISTS t ON stock" >/dev/null
  echo "round $round, update only: $(run)"
  $P psql -d pgn -qc "CREATE CONSTRAINT TRIGGER t AFTER UPDATE ON stock DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_only()" >/dev/null
  echo "round $round, + event row at commit: $(run)"
  $P psql -d pgn -qc "DROP TRIGGER t ON stock; CREATE CONSTRAINT TRIGGER t AFTER UPDATE ON stock DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION event_and_notify()" >/dev/null
  echo "round $round, + event row and NOTIFY at commit: $(run)"
done
$P psql -qc "DROP DATABASE pgn" >/dev/null
