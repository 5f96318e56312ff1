package com.emporium.devstack.fleet;

import java.util.ArrayList;
import java.util.List;

/** The table {@code ./emporium start} and {@code status} print. */
public final class FleetTable {

	private static final List<String> HEADER = List.of("SERVICE", "URL", "HEALTH", "SWAGGER UI", "LOG");

	private FleetTable() {
	}

	/**
	 * One line of the table.
	 * @param name service or server name
	 * @param url where it answers
	 * @param health {@code UP}, {@code DOWN}, ...
	 * @param swaggerUi Swagger UI URL or {@code -}
	 * @param log log file or {@code -}
	 */
	public record Row(String name, String url, String health, String swaggerUi, String log) {

		List<String> cells() {
			return List.of(this.name, this.url, this.health, this.swaggerUi, this.log);
		}

	}

	/**
	 * @param rows the rows
	 * @return the rows as aligned columns with a header, ending in a newline
	 */
	public static String render(List<Row> rows) {
		List<List<String>> lines = new ArrayList<>();
		lines.add(HEADER);
		rows.forEach(row -> lines.add(row.cells()));
		int[] widths = new int[HEADER.size()];
		for (List<String> line : lines) {
			for (int i = 0; i < line.size(); i++) {
				widths[i] = Math.max(widths[i], line.get(i).length());
			}
		}
		StringBuilder out = new StringBuilder();
		for (List<String> line : lines) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < line.size(); i++) {
				text.append(i < line.size() - 1 ? pad(line.get(i), widths[i] + 2) : line.get(i));
			}
			out.append(text.toString().stripTrailing()).append('\n');
		}
		return out.toString();
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(Math.max(0, width - text.length()));
	}

}
