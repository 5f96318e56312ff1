package com.emporium.recommendation.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * The demo's purchases file: plain CSV without quoted fields, one purchase line a row, under the
 * header {@value #HEADER}; dates are {@code yyyy-MM-dd HH:mm} in UK time. Read as a stream, so the
 * file is never held whole. A row that cannot be read is handed on as malformed, with its line
 * number, rather than ending the read.
 */
final class PurchaseFile {

	static final String HEADER = "CustomerID,InvoiceNo,StockCode,Quantity,UnitPrice,InvoiceDate";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private PurchaseFile() {
	}

	/**
	 * Hands every row after the header to {@code rows}, in file order.
	 * @throws UncheckedIOException when the file cannot be read
	 * @throws IllegalStateException when its header is not {@value #HEADER}
	 */
	static void read(Resource file, Consumer<Row> rows) {
		try (InputStream in = open(file);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			if (header == null || !HEADER.equals(header.strip().replace("\uFEFF", ""))) {
				throw new IllegalStateException(
						"%s is not a demo purchases file: its first line must be %s".formatted(file, HEADER));
			}
			int number = 1;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (!line.isBlank()) {
					rows.accept(new Row(number, parse(line)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The demo purchases file %s cannot be read".formatted(file), ex);
		}
	}

	private static InputStream open(Resource file) throws IOException {
		InputStream in = file.getInputStream();
		String name = file.getFilename();
		return (name != null && name.endsWith(".gz")) ? new GZIPInputStream(in, 1 << 16) : in;
	}

	private static @Nullable Purchase parse(String line) {
		String[] fields = line.split(",", -1);
		if (fields.length != 6) {
			return null;
		}
		String customer = fields[0].strip();
		String invoice = fields[1].strip();
		String stockCode = fields[2].strip().toUpperCase(Locale.ROOT);
		if (customer.isEmpty() || invoice.isEmpty() || stockCode.isEmpty()) {
			return null;
		}
		try {
			int quantity = Integer.parseInt(fields[3].strip());
			BigDecimal unitPrice = new BigDecimal(fields[4].strip());
			LocalDateTime invoiceDate = LocalDateTime.parse(fields[5].strip(), DATE);
			if (quantity < 1 || unitPrice.signum() < 0) {
				return null;
			}
			return new Purchase(customer, invoice, stockCode, quantity, unitPrice, invoiceDate);
		}
		catch (NumberFormatException | DateTimeParseException unreadable) {
			return null;
		}
	}

	/**
	 * One row of the file.
	 * @param line its line number in the file (the header is line 1)
	 * @param purchase what it says, or null when it cannot be read
	 */
	record Row(int line, @Nullable Purchase purchase) {
	}

	/**
	 * A purchase line.
	 * @param stockCode upper-cased: the catalog's SKU is {@code UCI-} and this
	 * @param unitPrice in GBP
	 * @param invoiceDate UK time
	 */
	record Purchase(String customerId, String invoiceNo, String stockCode, int quantity, BigDecimal unitPrice,
			LocalDateTime invoiceDate) {
	}

}
