package com.emporium.user.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: 12 to 128 characters (length beats composition rules, NIST SP 800-63B),
 * not containing the username or the email's local part, and not one of the bundled common
 * passwords. Checked before hashing, so an absurdly long password costs no Argon2 run.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load("accounts/common-passwords.txt");
	}

	/**
	 * @throws WeakPasswordException naming every rule the password breaks
	 */
	void check(String password, String email, String username) {
		List<String> reasons = new ArrayList<>();
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			reasons.add("must be at least %d characters long".formatted(MIN_LENGTH));
		}
		if (length > MAX_LENGTH) {
			reasons.add("must be at most %d characters long".formatted(MAX_LENGTH));
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String localPart = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT);
		if (!username.isEmpty() && lower.contains(username.toLowerCase(Locale.ROOT))) {
			reasons.add("must not contain the username");
		}
		if (localPart.length() >= 3 && lower.contains(localPart)) {
			reasons.add("must not contain the email address");
		}
		if (this.common.contains(lower)) {
			reasons.add("is too common: choose a less guessable one");
		}
		if (!reasons.isEmpty()) {
			throw new WeakPasswordException(reasons);
		}
	}

	private static Set<String> load(String resource) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

}
