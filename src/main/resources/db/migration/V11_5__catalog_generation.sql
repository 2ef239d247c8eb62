-- The catalog's generation: one number that moves on every committed change of what the public catalog
-- shows (products, variants and their prices, images, categories). Public response caches put it in
-- their keys, so an entry written before a change is simply never found again.
--
-- One row, bumped by a statement trigger: the row lock is held until the writing transaction ends, so
-- numbers are handed out in commit order and a replica that has heard generation N has also heard every
-- change before it. Catalog edits are staff work and rare; serialising their commits costs nothing that
-- matters. Stock changes do not pass through here (they would serialise every reservation); caches
-- follow them through the inventory event log instead.
CREATE TABLE catalog_generation (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    generation  bigint  NOT NULL DEFAULT 0
);
INSERT INTO catalog_generation DEFAULT VALUES;

-- NOTIFY on the cluster signal channel (ClusterSignals.CHANNEL) is delivered only if the change commits.
CREATE FUNCTION bump_catalog_generation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    next_generation bigint;
BEGIN
    UPDATE catalog_generation SET generation = generation + 1 RETURNING generation INTO next_generation;
    PERFORM pg_notify('emporium_signals', 'catalog:' || next_generation);
    RETURN NULL;
END
$$;

CREATE TRIGGER catalog_generation_category AFTER INSERT OR UPDATE OR DELETE ON category
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
CREATE TRIGGER catalog_generation_product AFTER INSERT OR UPDATE OR DELETE ON product
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
CREATE TRIGGER catalog_generation_variant AFTER INSERT OR UPDATE OR DELETE ON variant
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
CREATE TRIGGER catalog_generation_image AFTER INSERT OR UPDATE OR DELETE ON product_image
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
