-- Reviews: one per user and product (a unique key decides), with a 1-5 rating. The text is stored
-- as the author wrote it (plain text) and HTML-escaped when it is returned.
CREATE TABLE reviews
(
    id            UUID                     NOT NULL PRIMARY KEY,
    product_id    UUID                     NOT NULL REFERENCES products (id),
    user_id       UUID                     NOT NULL,
    rating        SMALLINT                 NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title         VARCHAR(120)             NOT NULL,
    text          VARCHAR(5000)            NOT NULL,
    helpful_count INT                      NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT reviews_product_user_key UNIQUE (product_id, user_id)
);
CREATE INDEX reviews_product_newest_idx ON reviews (product_id, created_at DESC, id DESC);
CREATE INDEX reviews_product_helpful_idx ON reviews (product_id, helpful_count DESC, created_at DESC, id DESC);

-- Helpful votes: one per user and review.
CREATE TABLE review_votes
(
    review_id UUID                     NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    user_id   UUID                     NOT NULL,
    voted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (review_id, user_id)
);

-- What each order bought, from order-service's OrderPlaced (customer, products) and OrderConfirmed
-- (paid), which may come in either order; a purchase is recorded when both have come.
CREATE TABLE purchase_orders
(
    order_id     UUID NOT NULL PRIMARY KEY,
    customer_id  UUID,
    product_ids  UUID[],
    confirmed_at TIMESTAMP WITH TIME ZONE
);

-- Who bought what: a review by a buyer is a verified purchase, whenever the purchase arrives.
CREATE TABLE purchases
(
    user_id      UUID                     NOT NULL,
    product_id   UUID                     NOT NULL,
    order_id     UUID                     NOT NULL,
    purchased_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, product_id)
);
