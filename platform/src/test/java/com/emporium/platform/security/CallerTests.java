package com.emporium.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallerTests {

	static final UUID ADA = UUID.fromString("0b7e2a6c-4f1d-4a8e-9c3b-5d2f6e7a8b9c");

	@Test
	void readsTheUserFromTheSubjectAndTheRolesFromTheirClaim() {
		Caller caller = Caller.of(jwt(ADA.toString(), List.of("CUSTOMER", "VENDOR")));

		assertThat(caller.userId()).isEqualTo(ADA);
		assertThat(caller.roles()).containsExactlyInAnyOrder("CUSTOMER", "VENDOR");
		assertThat(caller.is(ADA)).isTrue();
		assertThat(caller.is(UUID.randomUUID())).isFalse();
		assertThat(caller.is(null)).isFalse();
		assertThat(caller.isStaff()).isFalse();
		assertThat(caller.requireUserId()).isEqualTo(ADA);
	}

	@Test
	void managersAreStaffAndOnlyAdminsAreAdmins() {
		assertThat(Caller.of(jwt(ADA.toString(), List.of("MANAGER"))).isStaff()).isTrue();
		assertThat(Caller.of(jwt(ADA.toString(), List.of("MANAGER"))).isAdmin()).isFalse();
		assertThat(Caller.of(jwt(ADA.toString(), List.of("ADMIN"))).isAdmin()).isTrue();
		assertThat(Caller.of(jwt(ADA.toString(), List.of("ADMIN"))).isStaff()).isTrue();
	}

	@Test
	void aGuestOrATokenWithoutAUserOwnsNothing() {
		assertThat(Caller.of(null)).isEqualTo(Caller.ANONYMOUS);
		Caller service = Caller.of(jwt("order-service", null));
		assertThat(service.userId()).as("a subject that is no user id").isNull();
		assertThat(service.roles()).isEqualTo(Set.of());
		assertThat(service.is(null)).as("nobody is not somebody's owner").isFalse();
		assertThatExceptionOfType(ProblemException.class).isThrownBy(service::requireUserId)
			.satisfies(ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
	}

	@Test
	void hashesAreSha256InLowerCaseHex() {
		assertThat(Hashes.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Hashes.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(Hashes.sha256("é")).as("of the UTF-8 bytes")
			.isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
	}

	private static Jwt jwt(String subject, @Nullable List<String> roles) {
		Jwt.Builder jwt = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject(subject)
			.issuedAt(Instant.parse("2026-11-24T12:00:00Z"))
			.expiresAt(Instant.parse("2026-11-24T12:15:00Z"));
		if (roles != null) {
			jwt.claim("roles", roles);
		}
		return jwt.build();
	}

}
