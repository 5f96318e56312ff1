/**
 * The service's own copy of the catalog, kept current from the product service's events, so that
 * recommendations never call the product service at serving time.
 */
@NullMarked
package com.emporium.recommendation.catalog;

import org.jspecify.annotations.NullMarked;
