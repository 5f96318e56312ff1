package com.emporium.order.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.order.customers.CustomerProfile.ProfileAddress;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes the customer profile read model. Written with SQL rather than entities, like the
 * catalog's: the guards (a newer version, a tombstone) belong in the upsert, so that concurrent,
 * repeated or late events cannot overwrite newer state or bring an erased customer back.
 */
@Service
public class CustomerProfiles {

	private static final Logger log = LoggerFactory.getLogger(CustomerProfiles.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CustomerProfiles(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The customer's profile, unless we have none or they were erased. */
	@Transactional(readOnly = true)
	public Optional<CustomerProfile> find(UUID customerId) {
		return this.jdbc
			.query("SELECT * FROM customer_profiles WHERE customer_id = :id AND erased_at IS NULL AND email IS NOT NULL",
					new MapSqlParameterSource("id", customerId), CustomerProfiles::profile)
			.stream()
			.findFirst();
	}

	/** Whether the customer's account was deleted (their profile erased). */
	@Transactional(readOnly = true)
	public boolean erased(UUID customerId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM customer_profiles WHERE customer_id = :id AND erased_at IS NOT NULL)",
				new MapSqlParameterSource("id", customerId), Boolean.class));
	}

	/**
	 * Forgets the customer: a tombstone without personal data stays, so that no late profile event
	 * brings them back. Publishes {@link CustomerErased} in the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void erase(UUID customerId) {
		this.jdbc.update("""
				INSERT INTO customer_profiles (customer_id, version, updated_at, erased_at)
				VALUES (:id, 0, :now, :now)
				ON CONFLICT (customer_id) DO UPDATE
				SET email = NULL, first_name = NULL, last_name = NULL, default_shipping = NULL, default_billing = NULL,
				    updated_at = EXCLUDED.updated_at, erased_at = EXCLUDED.erased_at""",
				new MapSqlParameterSource("id", customerId).addValue("now", now()));
		this.events.publishEvent(new CustomerErased(customerId));
		log.info("Customer profile erased customerId={}", customerId);
	}

	/**
	 * A profile's state after a change: replaces ours unless ours is as new or newer, or erased.
	 * @return whether it was applied
	 */
	boolean changed(UUID customerId, String email, @Nullable String firstName, @Nullable String lastName,
			@Nullable ProfileAddress shipping, @Nullable ProfileAddress billing, long version,
			@Nullable Instant changedAt) {
		return this.jdbc.update("""
				INSERT INTO customer_profiles (customer_id, email, first_name, last_name, default_shipping,
				                               default_billing, version, changed_at, updated_at)
				VALUES (:id, :email, :firstName, :lastName, CAST(:shipping AS JSONB), CAST(:billing AS JSONB), :version,
				        :changedAt, :now)
				ON CONFLICT (customer_id) DO UPDATE
				SET email = EXCLUDED.email, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
				    default_shipping = EXCLUDED.default_shipping, default_billing = EXCLUDED.default_billing,
				    version = EXCLUDED.version, changed_at = EXCLUDED.changed_at, updated_at = EXCLUDED.updated_at
				WHERE customer_profiles.version < EXCLUDED.version AND customer_profiles.erased_at IS NULL""",
				new MapSqlParameterSource("id", customerId).addValue("email", email)
					.addValue("firstName", firstName)
					.addValue("lastName", lastName)
					.addValue("shipping", json(shipping))
					.addValue("billing", json(billing))
					.addValue("version", version)
					.addValue("changedAt", (changedAt != null) ? Timestamp.from(changedAt) : null)
					.addValue("now", now())) == 1;
	}

	private static CustomerProfile profile(ResultSet row, int index) throws SQLException {
		return new CustomerProfile(row.getObject("customer_id", UUID.class), row.getString("email"),
				row.getString("first_name"), row.getString("last_name"), address(row.getString("default_shipping")),
				address(row.getString("default_billing")));
	}

	private static @Nullable String json(@Nullable ProfileAddress address) {
		return (address != null) ? JsonMapper.shared().writeValueAsString(address) : null;
	}

	private static @Nullable ProfileAddress address(@Nullable String json) {
		return (json != null) ? JsonMapper.shared().readValue(json, ProfileAddress.class) : null;
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
