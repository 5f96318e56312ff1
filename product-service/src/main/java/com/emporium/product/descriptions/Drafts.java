package com.emporium.product.descriptions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code description_drafts} table. */
@Repository
class Drafts {

	private final JdbcTemplate jdbc;

	Drafts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DraftView draft) {
		this.jdbc.update("INSERT INTO description_drafts (id, product_id, text, model, requested_by, created_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", draft.id(), draft.productId(), draft.text(), draft.model(),
				draft.requestedBy(), Timestamp.from(draft.createdAt()));
	}

	List<DraftView> of(UUID productId) {
		return this.jdbc.query("SELECT * FROM description_drafts WHERE product_id = ? ORDER BY created_at DESC, id",
				Drafts::row, productId);
	}

	Optional<DraftView> find(UUID productId, UUID draftId) {
		return this.jdbc
			.query("SELECT * FROM description_drafts WHERE id = ? AND product_id = ?", Drafts::row, draftId, productId)
			.stream()
			.findFirst();
	}

	void accepted(UUID draftId, Instant at) {
		this.jdbc.update("UPDATE description_drafts SET accepted_at = ? WHERE id = ?", Timestamp.from(at), draftId);
	}

	private static DraftView row(ResultSet row, int number) throws SQLException {
		Timestamp accepted = row.getTimestamp("accepted_at");
		return new DraftView(row.getObject("id", UUID.class), row.getObject("product_id", UUID.class),
				row.getString("text"), row.getString("model"), row.getObject("requested_by", UUID.class),
				row.getTimestamp("created_at").toInstant(), (accepted != null) ? accepted.toInstant() : null);
	}

}
