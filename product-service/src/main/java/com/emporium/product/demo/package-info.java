/**
 * The demo catalog: with {@code emporium.catalog.demo.enabled=true} (the embedded devstack's
 * profile {@code local} only) and no product in the catalog, loads stores, categories and about
 * 1,000 products built from the UCI "Online Retail" data set ({@code demo/products.csv},
 * attribution in {@code demo/ATTRIBUTION.md}) through the catalog's ordinary paths, so that events
 * announce them as for any other product.
 */
@NullMarked
package com.emporium.product.demo;

import org.jspecify.annotations.NullMarked;
