/**
 * Bulk import: a store's products from a CSV file ({@code POST /stores/{id}/imports}), every row
 * checked with the rules of {@code POST /products} through the catalog's
 * {@link com.emporium.product.catalog.Catalog#createFromRow}, with a report of the rows accepted
 * and rejected (line, column, reason); all or nothing with {@code atomic=true}. Also reads the
 * demo catalog's file ({@link com.emporium.product.imports.CsvProducts}).
 */
@NullMarked
package com.emporium.product.imports;

import org.jspecify.annotations.NullMarked;
