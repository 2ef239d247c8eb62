-- A customer's saved addresses (at most emporium.addresses.max-per-customer), and staff's internal
-- notes on orders, which customers never see. Notes are never edited: a correction is a new note.
CREATE TABLE customer_address (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner       varchar(200) NOT NULL,
    label       varchar(60),
    name        varchar(200) NOT NULL,
    line1       varchar(200) NOT NULL,
    line2       varchar(200),
    city        varchar(100) NOT NULL,
    postal_code varchar(20)  NOT NULL,
    country     char(2)      NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    region      varchar(8)   NOT NULL DEFAULT '',
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX customer_address_owner_idx ON customer_address (owner, id);

CREATE TABLE order_note (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   bigint        NOT NULL REFERENCES customer_order (id),
    author     varchar(200)  NOT NULL,
    text       varchar(2000) NOT NULL,
    created_at timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX order_note_order_idx ON order_note (order_id, id);
