-- Catalog: a category tree, products with variants (the sellable SKUs) and image metadata.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE category (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id   bigint REFERENCES category (id),
    slug        varchar(120) NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    -- Materialised path of ids ("/1/5/17/"): a subtree is one prefix match, without recursion.
    path        varchar(400) NOT NULL,
    position    integer      NOT NULL DEFAULT 0,
    archived    boolean      NOT NULL DEFAULT false,
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT category_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
CREATE INDEX category_path_idx ON category (path text_pattern_ops);
CREATE INDEX category_parent_idx ON category (parent_id);

CREATE TABLE product (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug            varchar(160) NOT NULL UNIQUE,
    name            varchar(200) NOT NULL,
    description     text         NOT NULL DEFAULT '',
    category_id     bigint       NOT NULL REFERENCES category (id),
    status          varchar(16)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    -- The lowest active variant price, kept by the service: list filters and sorts read one column.
    price_from      bigint       CHECK (price_from >= 0),
    currency        char(3)      NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    version         bigint       NOT NULL DEFAULT 0,
    search          tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', name), 'A') ||
                        setweight(to_tsvector('english', description), 'B')) STORED,
    CONSTRAINT product_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT product_currency_format CHECK (currency ~ '^[A-Z]{3}$')
);
-- One index per public sort, each ending in id so keyset pages are total orders.
CREATE INDEX product_newest_idx ON product (created_at DESC, id DESC) WHERE status = 'ACTIVE';
CREATE INDEX product_price_idx ON product (price_from, id) WHERE status = 'ACTIVE';
CREATE INDEX product_name_idx ON product (name, id) WHERE status = 'ACTIVE';
CREATE INDEX product_category_newest_idx ON product (category_id, created_at DESC, id DESC) WHERE status = 'ACTIVE';
CREATE INDEX product_category_price_idx ON product (category_id, price_from, id) WHERE status = 'ACTIVE';
CREATE INDEX product_search_idx ON product USING gin (search);
CREATE INDEX product_name_trgm_idx ON product USING gin (name gin_trgm_ops);

CREATE TABLE variant (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id    bigint       NOT NULL REFERENCES product (id),
    sku           varchar(64)  NOT NULL UNIQUE,
    title         varchar(200) NOT NULL,
    price_amount  bigint       NOT NULL CHECK (price_amount >= 0),
    currency      char(3)      NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- Typed attributes ({"color": "red", "size": 42, "organic": true}); filters use containment.
    attributes    jsonb        NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(attributes) = 'object'),
    archived      boolean      NOT NULL DEFAULT false,
    position      integer      NOT NULL DEFAULT 0,
    version       bigint       NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX variant_product_idx ON variant (product_id);
CREATE INDEX variant_attributes_idx ON variant USING gin (attributes jsonb_path_ops);

CREATE TABLE product_image (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id  bigint        NOT NULL REFERENCES product (id),
    url         varchar(1000) NOT NULL,
    alt_text    varchar(300)  NOT NULL DEFAULT '',
    width       integer       CHECK (width > 0),
    height      integer       CHECK (height > 0),
    position    integer       NOT NULL DEFAULT 0
);
CREATE INDEX product_image_product_idx ON product_image (product_id, position);
