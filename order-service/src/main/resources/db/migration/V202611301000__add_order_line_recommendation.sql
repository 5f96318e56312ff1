-- The recommendation credited with each order line, for attribution: the one its cart line was
-- added with, else the checkout's (orders.recommendation_*), else none. It is what OrderPlaced's
-- lines carry, kept so that the fact survives the event. Both set or both null, as on cart_items;
-- lines placed before this column existed have none.
ALTER TABLE order_lines
    ADD COLUMN recommendation_source VARCHAR(50),
    ADD COLUMN recommendation_id     VARCHAR(100),
    ADD CONSTRAINT order_lines_recommendation_complete
        CHECK ((recommendation_source IS NULL) = (recommendation_id IS NULL));
