-- Products grow from name, description and price to what the catalog sells: a store, a slug unique
-- within the store, brand, compare-at price, category, tags, attributes, images, variants with
-- stock, a listed flag and a soft delete (past orders keep naming the product).

-- Rows from before stores existed move to an inactive placeholder store that admins manage.
INSERT INTO stores (id, owner_id, name, slug, description, active, created_at, updated_at)
SELECT '00000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-000000000000', 'Legacy catalog',
       'legacy-catalog', 'Products added before stores existed.', FALSE, now(), now()
WHERE EXISTS (SELECT 1 FROM products);

ALTER TABLE products
    ADD COLUMN store_id          UUID REFERENCES stores (id),
    ADD COLUMN slug              VARCHAR(120),
    ADD COLUMN brand             VARCHAR(100),
    ADD COLUMN compare_at_amount NUMERIC(19, 4),
    ADD COLUMN category_id       UUID,
    ADD COLUMN tags              TEXT[]  NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
    ADD COLUMN attributes        JSONB   NOT NULL DEFAULT '{}',
    ADD COLUMN images            JSONB   NOT NULL DEFAULT '[]',
    ADD COLUMN active            BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN rating_average    NUMERIC(3, 2),
    ADD COLUMN review_count      INT     NOT NULL DEFAULT 0,
    ADD COLUMN updated_at        TIMESTAMP WITH TIME ZONE,
    ADD COLUMN deleted_at        TIMESTAMP WITH TIME ZONE;

UPDATE products
SET store_id   = '00000000-0000-0000-0000-00000000000a',
    slug       = left(coalesce(nullif(trim(BOTH '-' FROM lower(regexp_replace(name, '[^a-zA-Z0-9]+', '-', 'g'))), ''),
                               'product'), 100) || '-' || left(id::text, 8),
    updated_at = created_at;

ALTER TABLE products
    ALTER COLUMN store_id SET NOT NULL,
    ALTER COLUMN slug SET NOT NULL,
    ALTER COLUMN updated_at SET NOT NULL,
    ADD CONSTRAINT products_compare_at_above_price CHECK (compare_at_amount IS NULL OR compare_at_amount > price_amount);

CREATE UNIQUE INDEX products_store_slug_key ON products (store_id, slug) WHERE deleted_at IS NULL;
CREATE INDEX products_store_id_idx ON products (store_id);
CREATE INDEX products_category_id_idx ON products (category_id) WHERE deleted_at IS NULL;
CREATE INDEX products_listed_price_idx ON products (price_amount) WHERE deleted_at IS NULL AND active;
CREATE INDEX products_listed_brand_idx ON products (lower(brand)) WHERE deleted_at IS NULL AND active;
CREATE INDEX products_tags_idx ON products USING gin (tags);

-- Variants: what is stocked and sold. A SKU is unique among the variants of products that are not
-- deleted, regardless of case.
CREATE TABLE product_variants
(
    id           UUID         NOT NULL PRIMARY KEY,
    product_id   UUID         NOT NULL REFERENCES products (id),
    position     INT          NOT NULL,
    sku          VARCHAR(64)  NOT NULL,
    options      JSONB        NOT NULL DEFAULT '{}',
    price_amount NUMERIC(19, 4) CHECK (price_amount > 0),
    stock        INT          NOT NULL CHECK (stock >= 0),
    live         BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE UNIQUE INDEX product_variants_sku_key ON product_variants (lower(sku)) WHERE live;
CREATE INDEX product_variants_product_id_idx ON product_variants (product_id);
CREATE INDEX product_variants_in_stock_idx ON product_variants (product_id) WHERE stock > 0;
