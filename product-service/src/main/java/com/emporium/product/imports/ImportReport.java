package com.emporium.product.imports;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an import did with each row.
 *
 * @param written whether the accepted rows were written (false for an atomic import with a
 * rejected row: nothing was)
 * @param accepted rows that are (or, when nothing was written, would have been) products
 * @param rejected rows that are not, with the column and the reason
 */
record ImportReport(boolean atomic, boolean written, int rows, int acceptedCount, int rejectedCount,
		List<Accepted> accepted, List<Rejected> rejected) {

	/** @param productId the new product, or null when nothing was written */
	record Accepted(int line, @Nullable UUID productId, String name, String sku) {
	}

	/** @param field the CSV column, or empty when the row as a whole is wrong */
	record Rejected(int line, String field, String reason) {
	}

}
