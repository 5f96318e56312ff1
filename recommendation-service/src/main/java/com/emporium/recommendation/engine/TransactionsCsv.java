package com.emporium.recommendation.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads a transactions file in the format of the UCI "Online Retail" data set (one invoice line per
 * row: InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country;
 * RFC 4180 quoting; gzip or plain) and keeps the purchases, by the evaluation protocol: an
 * all-digit invoice number, quantity and price above 0, a customer id, and a product stock code (5
 * digits plus up to 2 letters, upper-cased). Everything else (cancellations, postage, fees,
 * anonymous sales, write-offs) is counted and skipped.
 */
public final class TransactionsCsv {

	private static final Pattern INVOICE = Pattern.compile("\\d+");

	private static final Pattern PRODUCT = Pattern.compile("\\d{5}[A-Z]{0,2}");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/**
	 * The purchases, the description of each item (its latest non-empty one) and what was skipped.
	 *
	 * @param purchases purchase lines in file order
	 * @param catalog an {@link ItemInfo} per item, from its description
	 * @param rows data rows read
	 * @param skipped rows that are not purchases by the protocol
	 */
	public record Transactions(List<Interaction> purchases, Map<String, ItemInfo> catalog, int rows, int skipped) {

	}

	private TransactionsCsv() {
	}

	public static Transactions read(Path file, ZoneId zone) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			InputStream raw = file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
			return read(new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16), zone);
		}
	}

	static Transactions read(BufferedReader reader, ZoneId zone) throws IOException {
		String header = reader.readLine();
		if (header == null) {
			throw new IOException("The transactions file is empty: expected a header line");
		}
		List<String> columns = parse(header);
		int invoiceCol = column(columns, "InvoiceNo");
		int codeCol = column(columns, "StockCode");
		int descriptionCol = column(columns, "Description");
		int quantityCol = column(columns, "Quantity");
		int dateCol = column(columns, "InvoiceDate");
		int priceCol = column(columns, "UnitPrice");
		int customerCol = column(columns, "CustomerID");
		List<Interaction> purchases = new ArrayList<>();
		Map<String, String> descriptions = new HashMap<>();
		int rows = 0;
		int skipped = 0;
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.isEmpty()) {
				continue;
			}
			// A quoted field may hold a line break: read on until the quotes balance.
			while (unbalanced(line)) {
				String more = reader.readLine();
				if (more == null) {
					break;
				}
				line = line + "\n" + more;
			}
			rows++;
			List<String> fields = parse(line);
			if (fields.size() < columns.size()) {
				skipped++;
				continue;
			}
			String invoice = fields.get(invoiceCol).trim();
			String code = fields.get(codeCol).trim().toUpperCase(Locale.ROOT);
			String customer = fields.get(customerCol).trim();
			int quantity;
			BigDecimal price;
			try {
				quantity = Integer.parseInt(fields.get(quantityCol).trim());
				price = new BigDecimal(fields.get(priceCol).trim());
			}
			catch (NumberFormatException ex) {
				skipped++;
				continue;
			}
			if (!INVOICE.matcher(invoice).matches() || !PRODUCT.matcher(code).matches() || customer.isEmpty()
					|| quantity <= 0 || price.signum() <= 0) {
				skipped++;
				continue;
			}
			LocalDateTime at = LocalDateTime.parse(fields.get(dateCol).trim(), DATE);
			purchases.add(Interaction.purchase(customer, code, at.atZone(zone).toInstant(), invoice, quantity));
			String description = fields.get(descriptionCol).trim();
			if (!description.isEmpty()) {
				descriptions.put(code, description);
			}
		}
		Map<String, ItemInfo> catalog = new HashMap<>();
		descriptions.forEach((code, text) -> catalog.put(code, new ItemInfo(code, text, null, List.of())));
		return new Transactions(purchases, catalog, rows, skipped);
	}

	private static int column(List<String> columns, String name) throws IOException {
		int index = columns.indexOf(name);
		if (index < 0) {
			throw new IOException("The transactions file has no column " + name + "; columns: " + columns);
		}
		return index;
	}

	private static boolean unbalanced(String line) {
		int quotes = 0;
		for (int i = 0; i < line.length(); i++) {
			if (line.charAt(i) == '"') {
				quotes++;
			}
		}
		return quotes % 2 != 0;
	}

	/** Splits one RFC 4180 record: quoted fields may hold commas and doubled quotes. */
	static List<String> parse(String line) {
		List<String> fields = new ArrayList<>(8);
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

}
