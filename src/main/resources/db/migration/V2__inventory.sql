-- Inventory: stock per SKU and location, the movement ledger, reservations (holds) and the event log
-- that feeds the live stock stream. SKUs belong to the catalog; inventory only references them.

CREATE TABLE stock_location (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        varchar(40)  NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    -- Allocation order: reservations take a line from the lowest priority that can cover it whole.
    priority    integer      NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT stock_location_code_format CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
INSERT INTO stock_location (code, name, priority) VALUES ('main', 'Main warehouse', 0);

CREATE TABLE stock (
    sku          varchar(64) NOT NULL REFERENCES variant (sku),
    location_id  bigint      NOT NULL REFERENCES stock_location (id),
    on_hand      integer     NOT NULL DEFAULT 0,
    reserved     integer     NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (sku, location_id),
    -- The database itself refuses negative stock, whatever the application does.
    CONSTRAINT stock_on_hand_not_negative CHECK (on_hand >= 0),
    CONSTRAINT stock_reserved_not_negative CHECK (reserved >= 0),
    CONSTRAINT stock_available_not_negative CHECK (reserved <= on_hand)
);

-- What other features may read in SQL (the catalog's in-stock filter): sellable units per SKU and location.
CREATE VIEW available_stock AS
    SELECT sku, location_id, on_hand - reserved AS available FROM stock WHERE on_hand > reserved;

-- Append-only: every change of on_hand, who made it and why.
CREATE TABLE stock_movement (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku            varchar(64)  NOT NULL,
    location_id    bigint       NOT NULL REFERENCES stock_location (id),
    kind           varchar(16)  NOT NULL CHECK (kind IN ('RECEIPT', 'ADJUSTMENT', 'COUNT')),
    delta          integer      NOT NULL,
    on_hand_after  integer      NOT NULL,
    reason         varchar(500) NOT NULL,
    actor          varchar(200) NOT NULL,
    occurred_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX stock_movement_sku_idx ON stock_movement (sku, id DESC);

CREATE TABLE reservation (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner       varchar(200) NOT NULL,
    status      varchar(16)  NOT NULL CHECK (status IN ('HELD', 'RELEASED', 'EXPIRED')),
    expires_at  timestamptz  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    ended_at    timestamptz,
    version     bigint       NOT NULL DEFAULT 0
);
-- The sweeper's queue: only live holds, oldest expiry first.
CREATE INDEX reservation_expiry_idx ON reservation (expires_at) WHERE status = 'HELD';
CREATE INDEX reservation_owner_idx ON reservation (owner, id);

CREATE TABLE reservation_line (
    reservation_id  bigint      NOT NULL REFERENCES reservation (id),
    sku             varchar(64) NOT NULL,
    location_id     bigint      NOT NULL REFERENCES stock_location (id),
    quantity        integer     NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (reservation_id, sku, location_id)
);

-- One row per committed availability change of a SKU; the live stream and its replay read it.
CREATE TABLE inventory_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku          varchar(64) NOT NULL,
    product_id   bigint      NOT NULL,
    available    integer     NOT NULL,
    occurred_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX inventory_event_time_idx ON inventory_event (occurred_at);

-- The highest event id ever purged: a Last-Event-ID below it can no longer be replayed exactly.
CREATE TABLE inventory_event_horizon (
    singleton       boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    purged_through  bigint  NOT NULL DEFAULT 0
);
INSERT INTO inventory_event_horizon DEFAULT VALUES;

-- Runs at commit (the triggers are deferred). The advisory lock is held until the commit completes,
-- so event ids become visible strictly in id order: a reader resuming "after id N" can never miss a
-- lower id committed later. NOTIFY already serialises committing notifiers, so this costs nothing more.
-- pg_notify is delivered only if the transaction commits, together with the row it names.
CREATE FUNCTION record_inventory_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    event_id bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(4242001);
    INSERT INTO inventory_event (sku, product_id, available)
        SELECT NEW.sku, v.product_id,
               COALESCE((SELECT sum(s.on_hand - s.reserved) FROM stock s WHERE s.sku = NEW.sku), 0)
        FROM variant v WHERE v.sku = NEW.sku
        RETURNING id INTO event_id;
    PERFORM pg_notify('inventory_events', event_id::text);
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER stock_inserted AFTER INSERT ON stock
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION record_inventory_event();
CREATE CONSTRAINT TRIGGER stock_changed AFTER UPDATE ON stock
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.on_hand <> NEW.on_hand OR OLD.reserved <> NEW.reserved)
    EXECUTE FUNCTION record_inventory_event();
