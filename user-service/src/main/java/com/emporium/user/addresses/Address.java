package com.emporium.user.addresses;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** One address of a user's address book. Changes only through its methods. */
@Entity
@Table(name = "addresses")
class Address {

	@Id
	private UUID id;

	@Column(name = "user_id")
	private UUID userId;

	@Enumerated(EnumType.STRING)
	private AddressLabel label;

	@Column(name = "recipient_name")
	private String recipientName;

	private String line1;

	private @Nullable String line2;

	private String city;

	private @Nullable String region;

	@Column(name = "postal_code")
	private @Nullable String postalCode;

	private String country;

	private @Nullable String phone;

	@Column(name = "default_shipping")
	private boolean defaultShipping;

	@Column(name = "default_billing")
	private boolean defaultBilling;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	// A wrapper, so Spring Data sees a new entity (version null) and inserts without a select.
	@Version
	private @Nullable Long version;

	protected Address() {
		// for JPA
	}

	Address(UUID id, UUID userId, AddressRequest request, Instant now) {
		this.id = id;
		this.userId = userId;
		this.createdAt = now;
		replace(request, now);
	}

	/** Takes every field from the request: text trimmed, blank optional fields left out. */
	void replace(AddressRequest request, Instant now) {
		this.label = request.label();
		this.recipientName = request.recipientName().strip();
		this.line1 = request.line1().strip();
		this.line2 = optional(request.line2());
		this.city = request.city().strip();
		this.region = optional(request.region());
		this.postalCode = optional(request.postalCode());
		this.country = request.country();
		this.phone = optional(request.phone());
		this.defaultShipping = request.shipsByDefault();
		this.defaultBilling = request.billsByDefault();
		this.updatedAt = now;
	}

	private static @Nullable String optional(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	UUID id() {
		return this.id;
	}

	AddressLabel label() {
		return this.label;
	}

	String recipientName() {
		return this.recipientName;
	}

	String line1() {
		return this.line1;
	}

	@Nullable String line2() {
		return this.line2;
	}

	String city() {
		return this.city;
	}

	@Nullable String region() {
		return this.region;
	}

	@Nullable String postalCode() {
		return this.postalCode;
	}

	String country() {
		return this.country;
	}

	@Nullable String phone() {
		return this.phone;
	}

	boolean defaultShipping() {
		return this.defaultShipping;
	}

	boolean defaultBilling() {
		return this.defaultBilling;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
