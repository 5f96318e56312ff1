package com.emporium.platform.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestJwtsTests {

	@Test
	void tokensVerifyAgainstTheJwksServedOverHttp() throws Exception {
		SignedJWT jwt = SignedJWT.parse(TestJwts.token("user-1", "CUSTOMER", "ADMIN"));

		assertThat(jwt.verify(servedVerifier(jwt.getHeader().getKeyID()))).isTrue();
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("user-1");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER", "ADMIN");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("emporium-test");
		assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
		assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(new Date());
	}

	@Test
	void expiredTokensAreSignedButExpired() throws Exception {
		SignedJWT jwt = SignedJWT.parse(TestJwts.expiredToken("user-1", "CUSTOMER"));

		assertThat(jwt.verify(servedVerifier(jwt.getHeader().getKeyID()))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isBefore(new Date());
	}

	@Test
	void tokensSignedByAnotherKeyFailVerification() throws Exception {
		SignedJWT jwt = SignedJWT.parse(TestJwts.tokenSignedByAnotherKey("user-1", "ADMIN"));

		assertThat(jwt.verify(servedVerifier(jwt.getHeader().getKeyID()))).isFalse();
	}

	@Test
	void eachTokenHasItsOwnId() throws Exception {
		assertThat(SignedJWT.parse(TestJwts.token("u")).getJWTClaimsSet().getJWTID())
			.isNotEqualTo(SignedJWT.parse(TestJwts.token("u")).getJWTClaimsSet().getJWTID());
	}

	private static JWSVerifier servedVerifier(String keyId) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(TestJwts.jwkSetUri())).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("\"d\"");
		RSAKey key = JWKSet.parse(response.body()).getKeyByKeyId(keyId).toRSAKey();
		return new RSASSAVerifier(key);
	}

}
