-- Notifications: the outbox relay's bookkeeping, password reset tokens, outgoing webhooks.

-- The relay marks a row delivered only after it was sent; a crash in between leaves it pending, so it is
-- sent again (at least once, never lost). Rows written before the relay existed count as delivered: an
-- upgrade must not mail customers about old orders.
ALTER TABLE outbox ADD COLUMN delivered_at    timestamptz;
ALTER TABLE outbox ADD COLUMN failed_at       timestamptz;
ALTER TABLE outbox ADD COLUMN attempts        integer     NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE outbox ADD COLUMN last_error      varchar(300);
UPDATE outbox SET delivered_at = created_at;
CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at, id) WHERE delivered_at IS NULL AND failed_at IS NULL;

-- Every insert wakes the relay on every replica through the cluster signal channel. NOTIFY is
-- transactional: it is heard only once the row is committed, and never for a rolled-back one.
CREATE FUNCTION outbox_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('emporium_signals', 'outbox:' || NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_announce AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_announce();

-- Only the SHA-256 of a reset token is stored; the token itself travels in the email alone.
CREATE TABLE password_reset (
    token_hash  char(64)    PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_reset_account_idx ON password_reset (account_id);

-- Integrators' endpoints. The signing secret must be readable to sign with; the API shows it only once.
CREATE TABLE webhook_endpoint (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url             varchar(2000) NOT NULL,
    event_types     varchar(500)  NOT NULL,
    description     varchar(200),
    secret          varchar(100)  NOT NULL,
    enabled         boolean       NOT NULL DEFAULT true,
    failure_streak  integer       NOT NULL DEFAULT 0,
    disabled_reason varchar(200),
    created_at      timestamptz   NOT NULL DEFAULT now()
);

-- One row per (endpoint, event): the unique pair makes the relay's fan-out idempotent when it repeats.
CREATE TABLE webhook_delivery (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id     bigint      NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    outbox_id       bigint      NOT NULL REFERENCES outbox (id),
    event_type      varchar(40) NOT NULL,
    state           varchar(12) NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    retry_until     timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    last_status     integer,
    last_error      varchar(300),
    UNIQUE (endpoint_id, outbox_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, id);

-- The delivery log: every attempt with its answer and how long it took.
CREATE TABLE webhook_attempt (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id   bigint      NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at  timestamptz NOT NULL DEFAULT now(),
    status        integer,
    duration_ms   integer     NOT NULL,
    error         varchar(300)
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, id);
