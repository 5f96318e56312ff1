-- The recommendation that led to a cart line (POST /cart/items with a recommendation), for
-- attribution: both set or both null, as on orders. A line keeps the first one it got; lines added
-- before this column existed have none.
ALTER TABLE cart_items
    ADD COLUMN recommendation_source VARCHAR(50),
    ADD COLUMN recommendation_id     VARCHAR(100),
    ADD CONSTRAINT cart_items_recommendation_complete
        CHECK ((recommendation_source IS NULL) = (recommendation_id IS NULL));
