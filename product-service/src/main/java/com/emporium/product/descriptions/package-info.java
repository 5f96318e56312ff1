/**
 * Description drafts: an LLM behind an OpenAI-compatible {@code /chat/completions} API writes a
 * product's description from its name, brand, category, attributes, tags and the key features the
 * owner names; the owner reads the drafts and accepts one, which becomes the description through
 * the catalog ({@link com.emporium.product.catalog.Catalog#describe}, publishing
 * {@code ProductUpdated}). Product text goes to the model as data, never as instructions.
 */
@NullMarked
package com.emporium.product.descriptions;

import org.jspecify.annotations.NullMarked;
