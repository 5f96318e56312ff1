package com.emporium.user.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records admins' actions on accounts. Writing needs the caller's transaction (it is refused
 * without one): the entry commits or rolls back with the change it describes.
 */
@Service
public class AuditLog {

	private static final TypeReference<Map<String, Object>> SNAPSHOT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param actorId who acted
	 * @param action what they did
	 * @param targetId the account they did it to
	 * @param before the account before (serialised as JSON; it must hold no secrets), or null
	 * @param after the account after, or null
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID actorId, AuditAction action, UUID targetId, @Nullable Object before,
			@Nullable Object after) {
		this.jdbc.sql("""
				INSERT INTO audit_log (occurred_at, actor_id, action, target_id, before_state, after_state)
				VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""")
			.params(Timestamp.from(this.clock.instant()), actorId, action.name(), targetId, toJson(before),
					toJson(after))
			.update();
	}

	/**
	 * Strips these members from every snapshot of the account (its personal data, once it is
	 * deleted); the entries themselves stay.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forget(UUID targetId, Collection<String> members) {
		if (!members.stream().allMatch(member -> member.matches("[A-Za-z0-9_]+"))) {
			throw new IllegalArgumentException("Snapshot members are plain names: " + members);
		}
		// A PostgreSQL array literal; the names are plain, so nothing needs quoting.
		String names = "{" + String.join(",", members) + "}";
		this.jdbc.sql("""
				UPDATE audit_log SET before_state = before_state - CAST(? AS text[]),
				                     after_state = after_state - CAST(? AS text[])
				WHERE target_id = ?""")
			.params(names, names, targetId)
			.update();
	}

	/** Entries matching every filter given (null = any), newest first. */
	@Transactional(readOnly = true)
	Page<AuditEntryView> search(@Nullable UUID actorId, @Nullable UUID targetId, @Nullable AuditAction action,
			Pageable pageable) {
		List<String> conditions = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (actorId != null) {
			conditions.add("actor_id = ?");
			params.add(actorId);
		}
		if (targetId != null) {
			conditions.add("target_id = ?");
			params.add(targetId);
		}
		if (action != null) {
			conditions.add("action = ?");
			params.add(action.name());
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		long total = this.jdbc.sql("SELECT count(*) FROM audit_log" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<AuditEntryView> entries = this.jdbc
			.sql("SELECT * FROM audit_log" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(this::entry)
			.list();
		return new PageImpl<>(entries, pageable, total);
	}

	private AuditEntryView entry(ResultSet row, int number) throws SQLException {
		return new AuditEntryView(row.getLong("id"), row.getTimestamp("occurred_at").toInstant(),
				row.getObject("actor_id", UUID.class), AuditAction.valueOf(row.getString("action")),
				row.getObject("target_id", UUID.class), fromJson(row.getString("before_state")),
				fromJson(row.getString("after_state")));
	}

	private @Nullable String toJson(@Nullable Object snapshot) {
		return (snapshot != null) ? this.json.writeValueAsString(snapshot) : null;
	}

	private @Nullable Map<String, Object> fromJson(@Nullable String text) {
		return (text != null) ? this.json.readValue(text, SNAPSHOT) : null;
	}

}
