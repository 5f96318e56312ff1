package com.emporium.product.search;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code searches} and {@code search_clicks} tables. */
@Repository
class Searches {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final JdbcTemplate jdbc;

	Searches(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void add(SearchPerformed search) {
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement("INSERT INTO searches (id, query, user_id, session_id, "
					+ "filters, result_count, product_ids, searched_at) VALUES (?, ?, ?, ?, CAST(? AS JSONB), ?, ?, ?)");
			statement.setObject(1, search.searchId());
			statement.setString(2, search.query());
			statement.setObject(3, search.userId());
			statement.setString(4, search.sessionId());
			statement.setString(5, JSON.writeValueAsString(search.filters()));
			statement.setLong(6, search.resultCount());
			statement.setArray(7, connection.createArrayOf("uuid", search.productIds().toArray()));
			statement.setTimestamp(8, Timestamp.from(search.occurredAt()));
			return statement;
		});
	}

	/** A search made since {@code since}, or empty. */
	Optional<Search> findSince(UUID searchId, Instant since) {
		return this.jdbc
			.query("SELECT query, user_id, result_count, product_ids FROM searches WHERE id = ? AND searched_at >= ?",
					(row, number) -> new Search(searchId, row.getString("query"),
							row.getObject("user_id", UUID.class), row.getLong("result_count"),
							uuids(row.getArray("product_ids"))),
					searchId, Timestamp.from(since))
			.stream()
			.findFirst();
	}

	void addClick(SearchResultClicked click) {
		this.jdbc.update("INSERT INTO search_clicks (id, search_id, product_id, position, user_id, session_id, "
				+ "clicked_at) VALUES (?, ?, ?, ?, ?, ?, ?)", click.eventId(), click.searchId(), click.productId(),
				click.position(), click.userId(), click.sessionId(), Timestamp.from(click.occurredAt()));
	}

	/** Forgets searches (and their clicks) made before {@code before}. */
	int deleteBefore(Instant before) {
		return this.jdbc.update("DELETE FROM searches WHERE searched_at < ?", Timestamp.from(before));
	}

	private static List<UUID> uuids(@Nullable Array array) throws java.sql.SQLException {
		return (array != null) ? Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList() : List.of();
	}

	/** What a click is checked against. */
	record Search(UUID id, String query, @Nullable UUID userId, long resultCount, List<UUID> productIds) {
	}

}
