/**
 * Categories: one tree of them (name, unique slug, description, parent), which admins edit and
 * anyone reads in one call. {@link com.emporium.product.categories.CategoryTree} tells the catalog
 * whether a category exists and what lies beneath it; the catalog tells this feature, through
 * {@link com.emporium.product.categories.CategoryUsage}, whether products use one. A new name is
 * announced in-process, in the rename's transaction, as
 * {@link com.emporium.product.categories.CategoryRenamed}.
 */
@NullMarked
package com.emporium.product.categories;

import org.jspecify.annotations.NullMarked;
