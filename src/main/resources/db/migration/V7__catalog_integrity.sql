-- Catalog integrity: live products only in live categories, a shop's name order, signed list cursors.

-- A product that is not archived must sit in a live category. The foreign key alone only takes a
-- KEY SHARE lock on the category, which does not conflict with archiving it, so a product created
-- while its category is archived could commit on both sides. Here the product side takes a SHARE
-- lock on its category row (archiving waits for it, and a product waits for an archive in flight
-- and then sees it), and the category side re-checks for live products after it holds its row lock.
CREATE FUNCTION product_needs_live_category() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status <> 'ARCHIVED' THEN
        PERFORM 1 FROM category WHERE id = NEW.category_id AND NOT archived FOR SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'category % is archived', NEW.category_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'product_category_live';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER product_category_live BEFORE INSERT OR UPDATE ON product
    FOR EACH ROW EXECUTE FUNCTION product_needs_live_category();

CREATE FUNCTION category_archive_needs_no_live_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM product WHERE category_id = NEW.id AND status <> 'ARCHIVED') THEN
        RAISE EXCEPTION 'category % still holds products', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'category_archived_empty';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER category_archived_empty BEFORE UPDATE OF archived ON category
    FOR EACH ROW WHEN (NEW.archived AND NOT OLD.archived)
    EXECUTE FUNCTION category_archive_needs_no_live_products();

-- sort=name orders by the ICU root collation (case- and accent-aware, "apple" before "Banana"), not
-- byte order. The column keeps its collation (the generated search column depends on it); the list
-- query names the collation and this index serves it.
CREATE INDEX product_name_collated_idx ON product ((name COLLATE "und-x-icu"), id) WHERE status = 'ACTIVE';
DROP INDEX product_name_idx;

-- The key list cursors are signed with, shared by every replica and unique to each installation.
-- Anyone who can read this table can read the catalog anyway; the signature only keeps clients from
-- editing a cursor or moving it to another query.
CREATE TABLE cursor_key (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    secret     text    NOT NULL
);
INSERT INTO cursor_key (secret)
    VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
