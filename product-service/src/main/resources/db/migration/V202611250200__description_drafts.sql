-- Description drafts an LLM wrote for a product's owner; plain text, kept after acceptance.
CREATE TABLE description_drafts
(
    id           UUID                     NOT NULL PRIMARY KEY,
    product_id   UUID                     NOT NULL REFERENCES products (id),
    text         VARCHAR(5000)            NOT NULL,
    model        VARCHAR(200)             NOT NULL,
    requested_by UUID                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX description_drafts_product_idx ON description_drafts (product_id, created_at DESC);
