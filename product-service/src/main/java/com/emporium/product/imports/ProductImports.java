package com.emporium.product.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.security.Caller;
import com.emporium.platform.web.FieldError;
import com.emporium.platform.web.NotFoundException;
import com.emporium.platform.web.ProblemException;
import com.emporium.product.catalog.Catalog;
import com.emporium.product.catalog.ProductRow;
import com.emporium.product.stores.StoreDirectory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a CSV file of products into a store. Every row is checked: first as CSV (types, the
 * columns' formats, a SKU or slug that an earlier row of the file has), then with the rules of
 * {@code POST /products} by the catalog, which also writes it and publishes {@code ProductCreated}.
 * <ul>
 * <li>{@code atomic=false}: each row in a transaction of its own; the good ones stay.</li>
 * <li>{@code atomic=true}: one transaction, each row in a savepoint so that a rejected row does not
 * stop the others from being checked; if any row is rejected the transaction is rolled back, so
 * nothing is written and no event leaves (the outbox rolls back with it). A rejected row never
 * published anything: the catalog checks before it publishes.</li>
 * </ul>
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
class ProductImports {

	private static final Logger log = LoggerFactory.getLogger(ProductImports.class);

	private final Catalog catalog;

	private final StoreDirectory stores;

	private final ImportProperties properties;

	private final TransactionTemplate atomic;

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	ProductImports(Catalog catalog, StoreDirectory stores, ImportProperties properties,
			PlatformTransactionManager transactions, JdbcTemplate jdbc, EntityManager entityManager) {
		this.catalog = catalog;
		this.stores = stores;
		this.properties = properties;
		this.atomic = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
		this.entityManager = entityManager;
	}

	ImportReport run(UUID storeId, String csv, boolean atomic, Caller caller) {
		UUID owner = this.stores.ownerOf(storeId).orElseThrow(() -> new NotFoundException("Store", storeId));
		if (!caller.is(owner) && !caller.isAdmin()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
					"Only the store's owner or an admin may import products into it.");
		}
		List<CsvProducts.Row> rows = withoutRepeats(CsvProducts.parse(csv, this.properties.maxRows()).rows());
		ImportReport report;
		if (atomic) {
			report = this.atomic.execute(status -> {
				ImportReport checked = importRows(storeId, rows, caller, true);
				if (checked.rejectedCount() > 0) {
					status.setRollbackOnly();
				}
				return checked;
			});
		}
		else {
			report = importRows(storeId, rows, caller, false);
		}
		log.info("Import done storeId={} atomic={} rows={} accepted={} rejected={}", storeId, atomic, report.rows(),
				report.acceptedCount(), report.rejectedCount());
		if (report.rejectedCount() > 0 && atomic) {
			throw new ImportRejectedException(withoutIds(report));
		}
		return report;
	}

	private ImportReport importRows(UUID storeId, List<CsvProducts.Row> rows, Caller caller, boolean inSavepoints) {
		List<ImportReport.Accepted> accepted = new ArrayList<>();
		List<ImportReport.Rejected> rejected = new ArrayList<>();
		for (CsvProducts.Row row : rows) {
			ProductRow product = row.product();
			if (product == null) {
				rejected.add(new ImportReport.Rejected(row.line(), orEmpty(row.column()), orEmpty(row.reason())));
				continue;
			}
			if (inSavepoints) {
				// A savepoint of the import's transaction on its connection (the JPA dialect offers none):
				// a rejected row is undone and the next is checked on a clean slate.
				this.jdbc.execute("SAVEPOINT import_row");
			}
			try {
				UUID id = this.catalog.createFromRow(storeId, product, caller);
				accepted.add(new ImportReport.Accepted(row.line(), id, product.name(), product.sku()));
				if (inSavepoints) {
					this.jdbc.execute("RELEASE SAVEPOINT import_row");
				}
			}
			catch (ProblemException ex) {
				if (inSavepoints) {
					// The rejected row's entities stay in the persistence context: forget them.
					this.entityManager.clear();
					this.jdbc.execute("ROLLBACK TO SAVEPOINT import_row");
				}
				rejected.add(rejection(row.line(), ex));
			}
		}
		return new ImportReport(inSavepoints, !inSavepoints || rejected.isEmpty(), rows.size(), accepted.size(),
				rejected.size(), accepted, rejected);
	}

	/** A later row with a SKU or slug of an earlier one is rejected before anything is written. */
	private static List<CsvProducts.Row> withoutRepeats(List<CsvProducts.Row> rows) {
		Map<String, Integer> skus = new HashMap<>();
		Map<String, Integer> slugs = new HashMap<>();
		List<CsvProducts.Row> checked = new ArrayList<>();
		for (CsvProducts.Row row : rows) {
			ProductRow product = row.product();
			if (product != null) {
				Integer sku = skus.putIfAbsent(product.sku().toLowerCase(Locale.ROOT), row.line());
				Integer slug = (product.slug() != null) ? slugs.putIfAbsent(product.slug(), row.line()) : null;
				if (sku != null) {
					row = CsvProducts.Row.rejected(row.line(), "sku", "repeats line %d's SKU".formatted(sku));
				}
				else if (slug != null) {
					row = CsvProducts.Row.rejected(row.line(), "slug", "repeats line %d's slug".formatted(slug));
				}
			}
			checked.add(row);
		}
		return checked;
	}

	/** Names the CSV column of the field a problem names. */
	@SuppressWarnings("unchecked")
	private static ImportReport.Rejected rejection(int line, ProblemException ex) {
		Object errors = (ex.getBody().getProperties() != null) ? ex.getBody().getProperties().get("errors") : null;
		String detail = (ex.getBody().getDetail() != null) ? ex.getBody().getDetail() : "is refused";
		if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof FieldError error) {
			String pointer = (error.pointer() != null) ? error.pointer() : "";
			return new ImportReport.Rejected(line, column(pointer), error.detail());
		}
		return new ImportReport.Rejected(line, "", detail);
	}

	static String column(String pointer) {
		String path = pointer.startsWith("#/") ? pointer.substring(2) : pointer;
		if (path.startsWith("price/currency") || path.startsWith("compareAtPrice/currency")) {
			return "currency";
		}
		if (path.startsWith("price")) {
			return "price";
		}
		if (path.startsWith("compareAtPrice")) {
			return "compare_at_price";
		}
		if (path.startsWith("categoryId")) {
			return "category_id";
		}
		if (path.startsWith("images")) {
			return "image_url";
		}
		if (path.startsWith("variants/0/stock")) {
			return "stock";
		}
		if (path.startsWith("variants/0/options")) {
			return "options";
		}
		if (path.startsWith("variants")) {
			return "sku";
		}
		if (path.startsWith("tags")) {
			return "tags";
		}
		int slash = path.indexOf('/');
		return (slash < 0) ? path : path.substring(0, slash);
	}

	/** Nothing was written: no row has a product id. */
	private static ImportReport withoutIds(ImportReport report) {
		List<ImportReport.Accepted> accepted = report.accepted()
			.stream()
			.map(row -> new ImportReport.Accepted(row.line(), null, row.name(), row.sku()))
			.toList();
		return new ImportReport(true, false, report.rows(), report.acceptedCount(), report.rejectedCount(), accepted,
				report.rejected());
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
