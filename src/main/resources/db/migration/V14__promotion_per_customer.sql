-- A promotion may be limited per customer: each use at checkout is recorded with who used it (the
-- account for signed-in customers, the normalised email for guests) and the order it went into.
ALTER TABLE promotion ADD COLUMN per_customer_limit integer CHECK (per_customer_limit > 0);

CREATE TABLE promotion_redemption (
    promotion_id bigint       NOT NULL REFERENCES promotion (id),
    customer     varchar(300) NOT NULL,
    redeemed_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX promotion_redemption_customer_idx ON promotion_redemption (promotion_id, customer);
