-- Promotions scoped to categories (each with its subtree) or to SKUs, and automatic promotions that
-- apply without a code. An order keeps every promotion it got, with the amount each took off.
ALTER TABLE promotion ALTER COLUMN code DROP NOT NULL;
ALTER TABLE promotion ADD COLUMN name varchar(100);
ALTER TABLE promotion ADD COLUMN automatic boolean NOT NULL DEFAULT false;
ALTER TABLE promotion ADD COLUMN scope varchar(16) NOT NULL DEFAULT 'CART'
    CHECK (scope IN ('CART', 'CATEGORIES', 'SKUS'));
ALTER TABLE promotion ADD COLUMN category_ids bigint[] NOT NULL DEFAULT '{}';
ALTER TABLE promotion ADD COLUMN skus varchar(64)[] NOT NULL DEFAULT '{}';
-- A coupon has a code, an automatic promotion has none: nobody can type one in.
ALTER TABLE promotion ADD CONSTRAINT promotion_code_xor_automatic CHECK ((code IS NULL) = automatic);
ALTER TABLE promotion ADD CONSTRAINT promotion_scope_targets CHECK (
    (scope = 'CART' AND cardinality(category_ids) = 0 AND cardinality(skus) = 0)
    OR (scope = 'CATEGORIES' AND cardinality(category_ids) > 0 AND cardinality(skus) = 0)
    OR (scope = 'SKUS' AND cardinality(skus) > 0 AND cardinality(category_ids) = 0));
-- Every cart read looks for the automatic promotions that are switched on.
CREATE INDEX promotion_automatic_idx ON promotion (id) WHERE automatic AND active;

CREATE TABLE order_promotion (
    order_id      bigint       NOT NULL REFERENCES customer_order (id),
    position      integer      NOT NULL,
    promotion_id  bigint       NOT NULL REFERENCES promotion (id),
    code          varchar(40),
    name          varchar(100),
    automatic     boolean      NOT NULL,
    amount        bigint       NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (order_id, position)
);
-- Orders placed before this migration had at most one promotion, a coupon, which took the whole discount.
INSERT INTO order_promotion (order_id, position, promotion_id, code, name, automatic, amount)
SELECT o.id, 0, o.promotion_id, p.code, p.name, false, o.discount
FROM customer_order o JOIN promotion p ON p.id = o.promotion_id;
