-- Loyalty tiers: bronze, silver or gold by what an account paid for goods over the last months.
-- loyalty_spend is the account's own record of paid spend (the same net amount that earns points),
-- so the tier is computed from loyalty's tables alone. Like the ledger it is append-only: a refund is
-- a negative row dated at the payment it takes back, so it only lowers spend still inside the window.
CREATE TABLE loyalty_spend (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account  varchar(200) NOT NULL REFERENCES loyalty_account (account),
    order_id bigint       NOT NULL,
    currency char(3)      NOT NULL,
    amount   bigint       NOT NULL CHECK (amount <> 0),
    -- when the spend counts from: the payment time, for a refund too
    paid_at  timestamptz  NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loyalty_spend_account_idx ON loyalty_spend (account, paid_at);
-- One payment per order: a repeated paid event cannot count twice.
CREATE UNIQUE INDEX loyalty_spend_paid_once ON loyalty_spend (order_id) WHERE amount > 0;

CREATE FUNCTION loyalty_spend_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'loyalty_spend is append-only';
END
$$;
CREATE TRIGGER loyalty_spend_append_only BEFORE UPDATE OR DELETE ON loyalty_spend
    FOR EACH ROW EXECUTE FUNCTION loyalty_spend_append_only();

ALTER TABLE loyalty_account
    ADD COLUMN tier varchar(8) NOT NULL DEFAULT 'BRONZE' CHECK (tier IN ('BRONZE', 'SILVER', 'GOLD')),
    -- when the oldest spend in the window leaves it, so the tier may drop: the sweeper selects on it
    ADD COLUMN tier_review_at timestamptz;
CREATE INDEX loyalty_account_tier_review_idx ON loyalty_account (tier_review_at) WHERE tier_review_at IS NOT NULL;
