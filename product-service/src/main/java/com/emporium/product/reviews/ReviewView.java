package com.emporium.product.reviews;

import java.time.Instant;
import java.util.UUID;

/**
 * A review as clients see it. {@code title} and {@code text} are HTML-escaped ({@code <} is
 * {@code &lt;}, also {@code >}, {@code &}, {@code "} and {@code '}): safe to put into a page as they
 * are; a client that shows plain text unescapes them.
 *
 * @param verifiedPurchase whether the author bought the product (a confirmed order), also when the
 * order came after the review
 * @param helpfulVotes how many other shoppers found it helpful
 */
record ReviewView(UUID id, UUID productId, UUID authorId, int rating, String title, String text,
		boolean verifiedPurchase, int helpfulVotes, Instant createdAt, Instant updatedAt) {

	static ReviewView of(Reviews.Row row) {
		return new ReviewView(row.id(), row.productId(), row.userId(), row.rating(), escape(row.title()),
				escape(row.text()), row.verifiedPurchase(), row.helpfulCount(), row.createdAt(), row.updatedAt());
	}

	/** The five characters that can start or end markup or an attribute, as entities. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
