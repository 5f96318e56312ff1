package com.emporium.product.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.InvalidFieldException;
import com.emporium.product.catalog.ProductRow;

/**
 * Reads products from CSV: a header line naming the columns (any order, case ignored), then one
 * product per line. Columns: {@code name}, {@code price}, {@code currency}, {@code sku},
 * {@code stock} (required); {@code slug}, {@code brand}, {@code description},
 * {@code compare_at_price}, {@code category_id}, {@code tags} ({@code a|b|c}), {@code options}
 * ({@code size=M;colour=red}), {@code image_url}, {@code active} ({@code true}/{@code false},
 * default true). An empty cell is "none".
 */
public final class CsvProducts {

	static final List<String> REQUIRED = List.of("name", "price", "currency", "sku", "stock");

	static final List<String> COLUMNS = List.of("name", "slug", "brand", "description", "price", "currency",
			"compare_at_price", "category_id", "tags", "sku", "stock", "options", "image_url", "active");

	private final Map<String, Integer> columns;

	private final List<CsvRecords.Record> records;

	private CsvProducts(Map<String, Integer> columns, List<CsvRecords.Record> records) {
		this.columns = columns;
		this.records = records;
	}

	/**
	 * Parses a file: its header is checked here (400 naming {@code file} when it is not CSV, lacks a
	 * required column, names an unknown one or one twice, or has more than {@code maxRows} rows).
	 */
	public static CsvProducts parse(String text, int maxRows) {
		List<CsvRecords.Record> records;
		try {
			records = CsvRecords.parse(text, maxRows + 1);
		}
		catch (CsvRecords.MalformedCsvException ex) {
			throw InvalidFieldException.parameter("file", "is not CSV: %s on line %d".formatted(ex.getMessage(), ex.line));
		}
		catch (CsvRecords.TooManyRecordsException ex) {
			throw InvalidFieldException.parameter("file", "has more than %d rows".formatted(maxRows));
		}
		if (records.isEmpty()) {
			throw InvalidFieldException.parameter("file", "is empty: it needs a header line and rows");
		}
		Map<String, Integer> columns = new LinkedHashMap<>();
		List<String> header = records.get(0).fields();
		for (int i = 0; i < header.size(); i++) {
			String column = header.get(i).strip().toLowerCase(Locale.ROOT);
			if (!COLUMNS.contains(column)) {
				throw InvalidFieldException.parameter("file",
						"has an unknown column '%s' (known: %s)".formatted(shorten(column), String.join(", ", COLUMNS)));
			}
			if (columns.putIfAbsent(column, i) != null) {
				throw InvalidFieldException.parameter("file", "names the column '%s' twice".formatted(column));
			}
		}
		for (String required : REQUIRED) {
			if (!columns.containsKey(required)) {
				throw InvalidFieldException.parameter("file", "lacks the column '%s'".formatted(required));
			}
		}
		return new CsvProducts(columns, records.subList(1, records.size()));
	}

	/** The data rows, each read into a product or into the reason it cannot be. */
	public List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		for (CsvRecords.Record record : this.records) {
			rows.add(read(record));
		}
		return rows;
	}

	private Row read(CsvRecords.Record record) {
		if (record.fields().size() != this.columns.size()) {
			return Row.rejected(record.line(), "",
					"has %d fields, the header %d".formatted(record.fields().size(), this.columns.size()));
		}
		try {
			ProductRow product = new ProductRow(text(record, "name", ""), text(record, "slug", null),
					text(record, "brand", null), text(record, "description", null), decimal(record, "price"),
					text(record, "currency", ""), optionalDecimal(record, "compare_at_price"),
					uuid(record, "category_id"), tags(record), text(record, "sku", ""), stock(record),
					options(record), text(record, "image_url", null), active(record));
			return new Row(record.line(), product, null, null);
		}
		catch (CellException ex) {
			return Row.rejected(record.line(), ex.column, ex.getMessage());
		}
	}

	private @Nullable String cell(CsvRecords.Record record, String column) {
		Integer index = this.columns.get(column);
		if (index == null) {
			return null;
		}
		String value = record.fields().get(index).strip();
		return value.isEmpty() ? null : value;
	}

	private @Nullable String text(CsvRecords.Record record, String column, @Nullable String absent) {
		String value = cell(record, column);
		return (value != null) ? value : absent;
	}

	private BigDecimal decimal(CsvRecords.Record record, String column) {
		BigDecimal value = optionalDecimal(record, column);
		if (value == null) {
			throw new CellException(column, "is required");
		}
		return value;
	}

	private @Nullable BigDecimal optionalDecimal(CsvRecords.Record record, String column) {
		String value = cell(record, column);
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			throw new CellException(column, "'%s' is not a number".formatted(shorten(value)));
		}
	}

	private @Nullable UUID uuid(CsvRecords.Record record, String column) {
		String value = cell(record, column);
		try {
			return (value != null) ? UUID.fromString(value) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new CellException(column, "'%s' is not a UUID".formatted(shorten(value)));
		}
	}

	private long stock(CsvRecords.Record record) {
		String value = cell(record, "stock");
		if (value == null) {
			throw new CellException("stock", "is required");
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new CellException("stock", "'%s' is not a whole number".formatted(shorten(value)));
		}
	}

	private List<String> tags(CsvRecords.Record record) {
		String value = cell(record, "tags");
		return (value == null) ? List.of()
				: Arrays.stream(value.split("\\|")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
	}

	private Map<String, String> options(CsvRecords.Record record) {
		String value = cell(record, "options");
		Map<String, String> options = new LinkedHashMap<>();
		if (value == null) {
			return options;
		}
		for (String pair : value.split(";")) {
			if (pair.isBlank()) {
				continue;
			}
			int equals = pair.indexOf('=');
			if (equals <= 0 || pair.substring(0, equals).isBlank()) {
				throw new CellException("options", "must be key=value pairs separated by ';'");
			}
			options.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
		}
		return options;
	}

	private boolean active(CsvRecords.Record record) {
		String value = cell(record, "active");
		if (value == null) {
			return true;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new CellException("active", "must be true or false");
		};
	}

	private static String shorten(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

	/**
	 * A data row: a product, or the column and reason it was rejected for.
	 *
	 * @param line the line it starts on (the header is line 1)
	 */
	public record Row(int line, @Nullable ProductRow product, @Nullable String column, @Nullable String reason) {

		static Row rejected(int line, String column, String reason) {
			return new Row(line, null, column, reason);
		}

	}

	private static final class CellException extends RuntimeException {

		final String column;

		CellException(String column, String message) {
			super(message);
			this.column = column;
		}

	}

}
