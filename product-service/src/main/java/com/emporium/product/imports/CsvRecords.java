package com.emporium.product.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated fields, optionally in double quotes, where a quoted field may hold
 * commas, line breaks and doubled quotes ({@code ""}). Lines end in CRLF or LF. Each record knows the
 * line it starts on (the header is line 1).
 */
final class CsvRecords {

	private CsvRecords() {
	}

	/** A record and the line it starts on. */
	record Record(int line, List<String> fields) {

		boolean blank() {
			return this.fields.size() == 1 && this.fields.get(0).isBlank();
		}

	}

	/**
	 * @param maxRecords stop with {@link TooManyRecordsException} past this many records
	 * @throws MalformedCsvException for a quote that is never closed or text after a closing quote
	 */
	static List<Record> parse(String text, int maxRecords) {
		List<Record> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int line = 1;
		int start = 1;
		boolean quoted = false;
		boolean afterQuote = false;
		int i = 0;
		int length = text.length();
		if (length > 0 && text.charAt(0) == '\uFEFF') {
			i = 1;
		}
		for (; i < length; i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < length && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
						afterQuote = true;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
				continue;
			}
			switch (c) {
				case '"' -> {
					if (!field.isEmpty() || afterQuote) {
						throw new MalformedCsvException(line, "a quote inside an unquoted field");
					}
					quoted = true;
				}
				case ',' -> {
					fields.add(field.toString());
					field.setLength(0);
					afterQuote = false;
				}
				case '\r' -> {
					// CRLF: the LF ends the record.
				}
				case '\n' -> {
					fields.add(field.toString());
					field.setLength(0);
					afterQuote = false;
					add(records, new Record(start, List.copyOf(fields)), maxRecords);
					fields.clear();
					line++;
					start = line;
				}
				default -> {
					if (afterQuote) {
						throw new MalformedCsvException(line, "text after a closing quote");
					}
					field.append(c);
				}
			}
		}
		if (quoted) {
			throw new MalformedCsvException(start, "a quote that is never closed");
		}
		if (!field.isEmpty() || !fields.isEmpty() || afterQuote) {
			fields.add(field.toString());
			add(records, new Record(start, List.copyOf(fields)), maxRecords);
		}
		return records;
	}

	private static void add(List<Record> records, Record record, int max) {
		if (record.blank()) {
			return;
		}
		if (records.size() >= max) {
			throw new TooManyRecordsException(max);
		}
		records.add(record);
	}

	static final class MalformedCsvException extends RuntimeException {

		final int line;

		MalformedCsvException(int line, String message) {
			super(message);
			this.line = line;
		}

	}

	static final class TooManyRecordsException extends RuntimeException {

		TooManyRecordsException(int max) {
			super("more than " + max + " records");
		}

	}

}
