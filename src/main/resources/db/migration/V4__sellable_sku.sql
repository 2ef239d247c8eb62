-- What the catalog sells, for features that must not hold or sell anything else (reservations, later
-- carts and orders): a variant that is not archived, of an active product in a live category. It is the
-- same rule as the public product detail, so a SKU a customer can reserve is one a customer can see.
CREATE VIEW sellable_sku AS
    SELECT v.sku, v.product_id
    FROM variant v
    JOIN product p ON p.id = v.product_id
    JOIN category c ON c.id = p.category_id
    WHERE NOT v.archived AND p.status = 'ACTIVE' AND NOT c.archived;
