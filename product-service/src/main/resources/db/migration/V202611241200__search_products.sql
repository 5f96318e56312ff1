-- Full-text and typo-tolerant search over listed products, and the searches their clicks name.
--
-- The document weighs the name (A) over brand and tags (B) over the description (C), in the
-- 'english' configuration (stemming: "chairs" finds "chair"; English stop words are dropped). It is
-- a stored generated column, so every write keeps it current; the function wraps array_to_string
-- (only STABLE in general, immutable for text[]) so that the generation expression is immutable.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE FUNCTION products_search_document(name TEXT, brand TEXT, tags TEXT[], description TEXT)
    RETURNS tsvector
    LANGUAGE sql
    IMMUTABLE
    PARALLEL SAFE
AS
$$
SELECT setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A')
           || setweight(to_tsvector('english'::regconfig,
                                    coalesce(brand, '') || ' ' || coalesce(array_to_string(tags, ' '), '')), 'B')
           || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'C')
$$;

ALTER TABLE products
    ADD COLUMN search_document tsvector
        GENERATED ALWAYS AS (products_search_document(name, brand, tags, description)) STORED;

-- Whether some variant has stock, kept by a trigger on the variants whatever writes them: the
-- in-stock filter and facet read one column instead of probing the variants of every match.
ALTER TABLE products
    ADD COLUMN in_stock   BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN view_count BIGINT  NOT NULL DEFAULT 0 CHECK (view_count >= 0);

UPDATE products p
SET in_stock = TRUE
WHERE EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.stock > 0);

CREATE FUNCTION products_refresh_in_stock(product UUID) RETURNS VOID
    LANGUAGE sql
AS
$$
UPDATE products p
SET in_stock = s.in_stock
FROM (SELECT EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = product AND v.stock > 0) AS in_stock) s
WHERE p.id = product
  AND p.in_stock <> s.in_stock
$$;

CREATE FUNCTION product_variants_stock_changed() RETURNS TRIGGER
    LANGUAGE plpgsql
AS
$$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM products_refresh_in_stock(OLD.product_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.product_id <> OLD.product_id) THEN
        PERFORM products_refresh_in_stock(NEW.product_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER product_variants_in_stock
    AFTER INSERT OR DELETE OR UPDATE OF stock, product_id
    ON product_variants
    FOR EACH ROW
EXECUTE FUNCTION product_variants_stock_changed();

-- Only listed products are searched: the indexes leave the others out.
CREATE INDEX products_search_document_idx ON products USING gin (search_document) WHERE deleted_at IS NULL AND active;
CREATE INDEX products_name_trgm_idx ON products USING gin (name public.gin_trgm_ops) WHERE deleted_at IS NULL AND active;
CREATE INDEX products_name_prefix_idx ON products (lower(name) text_pattern_ops) WHERE deleted_at IS NULL AND active;
CREATE INDEX products_listed_views_idx ON products (view_count DESC, created_at DESC, id DESC) WHERE deleted_at IS NULL AND active;
CREATE INDEX products_brand_prefix_idx ON products (lower(brand) text_pattern_ops) WHERE deleted_at IS NULL AND active;

-- Each search, kept so that a click can name it (and be checked against it).
CREATE TABLE searches
(
    id           UUID                     NOT NULL PRIMARY KEY,
    query        VARCHAR(200)             NOT NULL,
    user_id      UUID,
    session_id   VARCHAR(64),
    filters      JSONB                    NOT NULL,
    result_count BIGINT                   NOT NULL,
    product_ids  UUID[]                   NOT NULL,
    searched_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX searches_searched_at_idx ON searches (searched_at);

CREATE TABLE search_clicks
(
    id         UUID                     NOT NULL PRIMARY KEY,
    search_id  UUID                     NOT NULL REFERENCES searches (id) ON DELETE CASCADE,
    product_id UUID                     NOT NULL,
    position   INT                      NOT NULL CHECK (position >= 1),
    user_id    UUID,
    session_id VARCHAR(64),
    clicked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX search_clicks_search_id_idx ON search_clicks (search_id);
