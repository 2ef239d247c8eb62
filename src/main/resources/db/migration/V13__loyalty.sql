-- Loyalty points: an append-only ledger per account (a customer's token subject). The balance is
-- derived from it; loyalty_account holds the per-account lock row and a cached sum that the drift
-- check compares with the ledger.
CREATE TABLE loyalty_account (
    account      varchar(200) PRIMARY KEY,
    points_total bigint       NOT NULL DEFAULT 0,
    -- earliest expiry of a lot that still has points left; the expiry sweeper selects on it
    next_expiry  timestamptz,
    updated_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX loyalty_account_expiry_idx ON loyalty_account (next_expiry) WHERE next_expiry IS NOT NULL;

CREATE TABLE loyalty_entry (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account      varchar(200) NOT NULL REFERENCES loyalty_account (account),
    kind         varchar(16)  NOT NULL
        CHECK (kind IN ('EARN', 'REDEEM_HOLD', 'REDEEM_RELEASE', 'REDEEM_CONFIRM', 'REVERSAL', 'EXPIRE', 'ADJUST')),
    points       bigint       NOT NULL,
    order_id     bigint,
    -- the lot (an EARN or positive ADJUST entry) that an EXPIRE entry empties
    lot_id       bigint REFERENCES loyalty_entry (id),
    actor        varchar(200) NOT NULL,
    reason       varchar(500) NOT NULL,
    available_at timestamptz  NOT NULL,
    expires_at   timestamptz,
    created_at   timestamptz  NOT NULL,
    CHECK ((kind IN ('EARN', 'REDEEM_RELEASE') AND points >= 0)
        OR (kind IN ('REDEEM_HOLD', 'REVERSAL', 'EXPIRE') AND points <= 0)
        OR (kind = 'REDEEM_CONFIRM' AND points = 0)
        OR kind = 'ADJUST')
);
CREATE INDEX loyalty_entry_account_idx ON loyalty_entry (account, id);
-- One earning, hold, release and confirmation per order: a repeated event cannot apply twice.
CREATE UNIQUE INDEX loyalty_entry_once_per_order ON loyalty_entry (order_id, kind)
    WHERE kind IN ('EARN', 'REDEEM_HOLD', 'REDEEM_RELEASE', 'REDEEM_CONFIRM');

-- Entries are never changed or removed: corrections are new entries. The database enforces it.
CREATE FUNCTION loyalty_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'loyalty_entry is append-only';
END
$$;
CREATE TRIGGER loyalty_entry_append_only BEFORE UPDATE OR DELETE ON loyalty_entry
    FOR EACH ROW EXECUTE FUNCTION loyalty_entry_append_only();

ALTER TABLE customer_order
    ADD COLUMN points_redeemed bigint NOT NULL DEFAULT 0 CHECK (points_redeemed >= 0),
    ADD COLUMN points_value    bigint NOT NULL DEFAULT 0 CHECK (points_value >= 0);
