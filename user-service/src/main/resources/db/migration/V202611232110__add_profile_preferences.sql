-- What a user tells the shop about their taste: free-form interests, favourite category slugs, the
-- price range they shop in (all three price columns or none) and whether they want the newsletter.
ALTER TABLE users
    ADD COLUMN interests            TEXT[]        NOT NULL DEFAULT '{}'
        CHECK (cardinality(interests) <= 20),
    ADD COLUMN favourite_categories TEXT[]        NOT NULL DEFAULT '{}'
        CHECK (cardinality(favourite_categories) <= 20),
    ADD COLUMN price_min            NUMERIC(12, 2),
    ADD COLUMN price_max            NUMERIC(12, 2),
    ADD COLUMN price_currency       VARCHAR(3),
    ADD COLUMN newsletter           BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN username_changed_at  TIMESTAMP WITH TIME ZONE,
    ADD CONSTRAINT users_price_range_check CHECK (
        (price_min IS NULL AND price_max IS NULL AND price_currency IS NULL)
            OR (price_min IS NOT NULL AND price_max IS NOT NULL AND price_currency IS NOT NULL
            AND price_min >= 0 AND price_min <= price_max));
