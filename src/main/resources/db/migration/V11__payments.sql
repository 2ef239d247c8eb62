-- Payments through an asynchronous provider (Stripe), the provider's events as received, and refunds.

-- One PaymentIntent per order and provider: the intent is created with an idempotency key derived from
-- the order, and these unique keys make a second row impossible whatever the interleaving.
CREATE TABLE payment (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    bigint       NOT NULL REFERENCES customer_order (id),
    provider    varchar(40)  NOT NULL,
    intent_id   varchar(255) NOT NULL UNIQUE,
    amount      bigint       NOT NULL CHECK (amount >= 0),
    currency    char(3)      NOT NULL,
    -- PENDING until the provider says; FAILED keeps the order payable; REVIEW needs a person.
    status      varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'FAILED', 'SUCCEEDED', 'REVIEW')),
    note        varchar(500),
    -- Lease of the reconciliation job: a replica that checks a payment at Stripe takes it for a while.
    checked_at  timestamptz,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (order_id, provider)
);
-- The reconciliation job's queue.
CREATE INDEX payment_pending_idx ON payment (created_at) WHERE status IN ('PENDING', 'FAILED');

-- Each provider event once: the row commits with the change the event made, so a duplicate finds it.
CREATE TABLE stripe_event (
    id           varchar(255) PRIMARY KEY,
    type         varchar(100) NOT NULL,
    result       varchar(60)  NOT NULL,
    received_at  timestamptz  NOT NULL DEFAULT now()
);

-- A refund reserves its amount under the order's row lock before the provider is called, so the sum of
-- PENDING and SUCCEEDED refunds never exceeds what was paid; FAILED ones give their amount back.
CREATE TABLE refund (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id      bigint       NOT NULL REFERENCES customer_order (id),
    amount        bigint       NOT NULL CHECK (amount > 0),
    currency      char(3)      NOT NULL,
    status        varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    restock       boolean      NOT NULL,
    lines         text         NOT NULL,
    provider_ref  varchar(255),
    actor         varchar(200) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX refund_order_idx ON refund (order_id, id);
