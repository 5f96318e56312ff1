package com.emporium.order.notification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The text templates of the emails, {@code templates/mail/<kind>.txt} (Mustache; partials
 * {@code {{> name}}} from the same folder). A template's first line is the subject, after
 * {@code Subject: }; the body starts after the blank line that follows. All are compiled at start,
 * so a broken template stops the service rather than a send.
 */
@Component
class MailTemplates {

	static final String FOLDER = "templates/mail/";

	private static final String SUBJECT = "Subject: ";

	private final Map<NotificationKind, Template> templates = new EnumMap<>(NotificationKind.class);

	MailTemplates() {
		Mustache.Compiler compiler = Mustache.compiler()
			.escapeHTML(false)
			.defaultValue("")
			.emptyStringIsFalse(true)
			.withLoader(MailTemplates::reader);
		for (NotificationKind kind : NotificationKind.values()) {
			try (Reader reader = reader(kind.template())) {
				this.templates.put(kind, compiler.compile(reader));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** A rendered email. */
	record Mail(String subject, String body) {
	}

	/** @param model the values the template names */
	Mail render(NotificationKind kind, Map<String, Object> model) {
		String text = this.templates.get(kind).execute(model).replace("\r\n", "\n");
		int end = text.indexOf('\n');
		if (!text.startsWith(SUBJECT) || end < 0) {
			throw new IllegalStateException("Template %s must start with a 'Subject: ' line".formatted(kind.template()));
		}
		return new Mail(text.substring(SUBJECT.length(), end).strip(), text.substring(end + 1).strip() + "\n");
	}

	private static Reader reader(String name) throws IOException {
		return new InputStreamReader(new ClassPathResource(FOLDER + name + ".txt").getInputStream(),
				StandardCharsets.UTF_8);
	}

}
