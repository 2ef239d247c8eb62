-- Checkout: variant tax class and weight, tax rates, shipping methods, promotions, carts, orders with
-- their history, the outbox, idempotency keys, and the inventory hooks for a sale.

ALTER TABLE variant ADD COLUMN tax_class varchar(16) NOT NULL DEFAULT 'standard'
    CHECK (tax_class IN ('standard', 'reduced', 'zero'));
ALTER TABLE variant ADD COLUMN weight_grams integer CHECK (weight_grams >= 0);

-- A sale ends a hold by taking the held units off the shelf; the ledger records it.
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_kind_check;
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_kind_check
    CHECK (kind IN ('RECEIPT', 'ADJUSTMENT', 'COUNT', 'SALE'));
ALTER TABLE reservation DROP CONSTRAINT reservation_status_check;
ALTER TABLE reservation ADD CONSTRAINT reservation_status_check
    CHECK (status IN ('HELD', 'RELEASED', 'EXPIRED', 'SOLD'));

-- Rates in basis points (1900 = 19 %). A region-specific rate wins over the country's ('' = whole country).
CREATE TABLE tax_rate (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country     char(2)     NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    region      varchar(8)  NOT NULL DEFAULT '',
    tax_class   varchar(16) NOT NULL CHECK (tax_class IN ('standard', 'reduced', 'zero')),
    name        varchar(60) NOT NULL,
    basis_points integer    NOT NULL CHECK (basis_points BETWEEN 0 AND 10000),
    UNIQUE (country, region, tax_class)
);
INSERT INTO tax_rate (country, region, tax_class, name, basis_points) VALUES
    ('DE', '', 'standard', 'DE VAT 19%', 1900), ('DE', '', 'reduced', 'DE VAT 7%', 700), ('DE', '', 'zero', 'DE VAT 0%', 0),
    ('FR', '', 'standard', 'FR TVA 20%', 2000), ('FR', '', 'reduced', 'FR TVA 5.5%', 550), ('FR', '', 'zero', 'FR TVA 0%', 0),
    ('NL', '', 'standard', 'NL BTW 21%', 2100), ('NL', '', 'reduced', 'NL BTW 9%', 900), ('NL', '', 'zero', 'NL BTW 0%', 0),
    ('GB', '', 'standard', 'GB VAT 20%', 2000), ('GB', '', 'reduced', 'GB VAT 5%', 500), ('GB', '', 'zero', 'GB VAT 0%', 0),
    ('US', 'CA', 'standard', 'US-CA sales tax 7.25%', 725), ('US', 'CA', 'reduced', 'US-CA sales tax 7.25%', 725),
    ('US', 'CA', 'zero', 'US-CA exempt', 0);

-- A method ships to the countries listed; flat price, free from a subtotal on when free_above is set.
CREATE TABLE shipping_method (
    code        varchar(40)  PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        varchar(200) NOT NULL,
    countries   varchar(2)[] NOT NULL,
    amount      bigint       NOT NULL CHECK (amount >= 0),
    free_above  bigint       CHECK (free_above >= 0),
    currency    char(3)      NOT NULL CHECK (currency ~ '^[A-Z]{3}$')
);
INSERT INTO shipping_method (code, name, countries, amount, free_above, currency) VALUES
    ('eu-standard', 'EU standard (3-5 days)', '{DE,FR,NL}', 490, 5000, 'EUR'),
    ('eu-express', 'EU express (next day)', '{DE,FR,NL}', 1290, NULL, 'EUR'),
    ('gb-standard', 'UK standard', '{GB}', 990, NULL, 'EUR'),
    ('us-standard', 'US standard', '{US}', 1990, NULL, 'EUR');

-- Cart-wide discounts. A coupon is matched case-insensitively; used counts placed orders and is only
-- ever raised by a conditional UPDATE, so a limit holds under any number of concurrent checkouts.
CREATE TABLE promotion (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           varchar(40)  NOT NULL,
    kind           varchar(16)  NOT NULL CHECK (kind IN ('PERCENTAGE', 'FIXED')),
    value          bigint       NOT NULL CHECK (value > 0),
    currency       char(3)      CHECK (currency ~ '^[A-Z]{3}$'),
    min_subtotal   bigint       NOT NULL DEFAULT 0 CHECK (min_subtotal >= 0),
    starts_at      timestamptz,
    ends_at        timestamptz,
    usage_limit    integer      CHECK (usage_limit > 0),
    used           integer      NOT NULL DEFAULT 0 CHECK (used >= 0),
    active         boolean      NOT NULL DEFAULT true,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT promotion_percentage_range CHECK (kind <> 'PERCENTAGE' OR value <= 100),
    CONSTRAINT promotion_fixed_currency CHECK (kind <> 'FIXED' OR currency IS NOT NULL),
    CONSTRAINT promotion_within_limit CHECK (usage_limit IS NULL OR used <= usage_limit)
);
CREATE UNIQUE INDEX promotion_code_idx ON promotion (lower(code));
INSERT INTO promotion (code, kind, value, min_subtotal) VALUES ('WELCOME10', 'PERCENTAGE', 10, 0);

CREATE TABLE cart (
    id            varchar(36)  PRIMARY KEY,
    -- A customer's cart names the account; a guest cart is found by its token alone.
    owner         varchar(200),
    token         varchar(64)  NOT NULL,
    currency      char(3),
    coupon        varchar(40),
    country       char(2),
    region        varchar(8)   NOT NULL DEFAULT '',
    status        varchar(16)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ORDERED')),
    version       bigint       NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX cart_owner_idx ON cart (owner) WHERE owner IS NOT NULL;
CREATE INDEX cart_idle_idx ON cart (updated_at);

CREATE TABLE cart_line (
    cart_id   varchar(36) NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    sku       varchar(64) NOT NULL,
    quantity  integer     NOT NULL CHECK (quantity BETWEEN 1 AND 999),
    position  integer     NOT NULL,
    PRIMARY KEY (cart_id, sku)
);

CREATE TABLE customer_order (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner            varchar(200),
    email            varchar(254) NOT NULL,
    access_token     varchar(64)  NOT NULL,
    state            varchar(24)  NOT NULL CHECK (state IN ('PENDING_PAYMENT', 'PAID', 'PARTIALLY_FULFILLED',
                         'FULFILLED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED')),
    cart_id          varchar(36)  NOT NULL,
    reservation_id   bigint       NOT NULL,
    currency         char(3)      NOT NULL,
    subtotal         bigint       NOT NULL CHECK (subtotal >= 0),
    discount         bigint       NOT NULL CHECK (discount >= 0),
    shipping         bigint       NOT NULL CHECK (shipping >= 0),
    tax              bigint       NOT NULL CHECK (tax >= 0),
    total            bigint       NOT NULL CHECK (total >= 0),
    prices_include_tax boolean    NOT NULL,
    promotion_id     bigint       REFERENCES promotion (id),
    shipping_method  varchar(40)  NOT NULL,
    ship_name        varchar(200) NOT NULL,
    ship_line1       varchar(200) NOT NULL,
    ship_line2       varchar(200) NOT NULL DEFAULT '',
    ship_city        varchar(100) NOT NULL,
    ship_postal_code varchar(20)  NOT NULL,
    ship_country     char(2)      NOT NULL,
    ship_region      varchar(8)   NOT NULL DEFAULT '',
    carrier          varchar(60),
    tracking_number  varchar(100),
    placed_at        timestamptz  NOT NULL,
    pay_by           timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0
);
CREATE INDEX customer_order_owner_idx ON customer_order (owner, id DESC) WHERE owner IS NOT NULL;
CREATE INDEX customer_order_state_idx ON customer_order (state, id DESC);
-- The unpaid-order sweeper's queue.
CREATE INDEX customer_order_unpaid_idx ON customer_order (pay_by) WHERE state = 'PENDING_PAYMENT';
-- One order per cart, whatever happens to idempotency keys.
CREATE UNIQUE INDEX customer_order_cart_idx ON customer_order (cart_id);

-- The price snapshot: what each line cost when the order was placed, never recomputed.
CREATE TABLE order_line (
    order_id        bigint       NOT NULL REFERENCES customer_order (id),
    position        integer      NOT NULL,
    sku             varchar(64)  NOT NULL,
    name            varchar(400) NOT NULL,
    quantity        integer      NOT NULL CHECK (quantity > 0),
    unit_price      bigint       NOT NULL CHECK (unit_price >= 0),
    discount        bigint       NOT NULL CHECK (discount >= 0),
    tax             bigint       NOT NULL CHECK (tax >= 0),
    tax_rate_name   varchar(60)  NOT NULL,
    fulfilled       integer      NOT NULL DEFAULT 0 CHECK (fulfilled BETWEEN 0 AND quantity),
    PRIMARY KEY (order_id, position)
);

CREATE TABLE order_tax (
    order_id      bigint      NOT NULL REFERENCES customer_order (id),
    name          varchar(60) NOT NULL,
    basis_points  integer     NOT NULL,
    amount        bigint      NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (order_id, name)
);

-- Every state change with who made it and why; append-only.
CREATE TABLE order_transition (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    bigint       NOT NULL REFERENCES customer_order (id),
    from_state  varchar(24),
    to_state    varchar(24)  NOT NULL,
    actor       varchar(200) NOT NULL,
    reason      varchar(500) NOT NULL,
    occurred_at timestamptz  NOT NULL
);
CREATE INDEX order_transition_order_idx ON order_transition (order_id, id);

-- Written in the same transaction as the change it announces; delivered in id order by a later relay.
CREATE TABLE outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    aggregate_id  bigint       NOT NULL,
    type          varchar(40)  NOT NULL,
    payload       text         NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX outbox_aggregate_idx ON outbox (aggregate_id, id);

-- POST /orders answers: kept per caller and key so a retry gets the first answer back.
CREATE TABLE idempotency_key (
    scope         varchar(200) NOT NULL,
    key           varchar(200) NOT NULL,
    request_hash  varchar(64)  NOT NULL,
    status        integer,
    body          text,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_key_age_idx ON idempotency_key (created_at);
