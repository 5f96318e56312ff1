package com.emporium.recommendation.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.emporium.recommendation.demo.PurchaseFile.Purchase;
import com.emporium.recommendation.demo.PurchaseFile.Row;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PurchaseFileTests {

	/** product-service's demo catalog, whose SKUs are {@code UCI-<StockCode>}. */
	static final Path DEMO_CATALOG = Path.of("../product-service/src/main/resources/demo/products.csv");

	private static final Pattern SKU = Pattern.compile(",(UCI-[^,]+),\\d+$");

	@Test
	void theShippedHistoryReadsWholeAndNamesOnlyProductsOfTheDemoCatalog() throws IOException {
		List<Row> rows = new ArrayList<>();
		PurchaseFile.read(new ClassPathResource("demo/purchases.csv.gz"), rows::add);

		List<Purchase> purchases = rows.stream().map(Row::purchase).toList();
		assertThat(purchases).hasSize(41_878).doesNotContainNull();
		assertThat(purchases.stream().map(Purchase::customerId).distinct()).hasSize(1_468);
		assertThat(purchases.stream().map(Purchase::invoiceDate).max(LocalDateTime::compareTo))
			.contains(LocalDateTime.parse("2011-08-31T17:16"));
		Set<String> skus = new HashSet<>();
		for (String line : Files.readAllLines(DEMO_CATALOG, StandardCharsets.UTF_8).subList(1, 1001)) {
			// name (quoted when it holds a comma), slug, price, currency, sku, stock
			Matcher sku = SKU.matcher(line);
			assertThat(sku.find()).as(line).isTrue();
			skus.add(sku.group(1));
		}
		assertThat(skus).hasSize(1_000);
		assertThat(purchases.stream().map(purchase -> DemoHistory.SKU_PREFIX + purchase.stockCode()).distinct())
			.hasSize(982)
			.allMatch(skus::contains);
	}

	@Test
	void aRowThatCannotBeReadIsHandedOnWithItsLineNumber() {
		List<Row> rows = new ArrayList<>();
		PurchaseFile.read(new ClassPathResource("demo/purchases-sample.csv"), rows::add);

		assertThat(rows).hasSize(540);
		assertThat(rows.getFirst().line()).isEqualTo(2);
		assertThat(rows.stream().filter(row -> row.purchase() == null).map(Row::line).collect(Collectors.toList()))
			.containsExactly(271);
		Purchase first = rows.getFirst().purchase();
		assertThat(first).isNotNull();
		assertThat(first.customerId()).isEqualTo("17850");
		assertThat(first.stockCode()).isEqualTo("85123A");
		assertThat(first.unitPrice()).isEqualByComparingTo("2.55");
	}

	@Test
	void readsStockCodesInUpperCaseAndRefusesNegativeQuantitiesAndPrices() {
		String file = PurchaseFile.HEADER + "\n1,2,85123a,1,2.55,2011-01-01 10:00\n"
				+ "1,2,85123A,-1,2.55,2011-01-01 10:00\n1,2,85123A,1,-2.55,2011-01-01 10:00\n"
				+ "1,2,85123A,1,2.55,2011-01-01\n1,2,85123A,1,2.55\n";
		List<Row> rows = new ArrayList<>();
		PurchaseFile.read(new ByteArrayResource(file.getBytes(StandardCharsets.UTF_8)), rows::add);

		assertThat(rows).extracting(row -> row.purchase() != null).containsExactly(true, false, false, false, false);
		assertThat(rows.getFirst().purchase().stockCode()).isEqualTo("85123A");
	}

	@Test
	void refusesAFileWithAnotherHeader() {
		ByteArrayResource file = new ByteArrayResource(
				"Invoice,StockCode,Description\n536365,85123A,WHITE HANGING HEART\n".getBytes(StandardCharsets.UTF_8));

		assertThatIllegalStateException().isThrownBy(() -> PurchaseFile.read(file, row -> {
		})).withMessageContaining(PurchaseFile.HEADER);
	}

}
