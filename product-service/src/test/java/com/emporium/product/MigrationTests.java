package com.emporium.product;

import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTests extends ProductServiceIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Test
	void productsFromBeforeStoresMoveToAnInactiveLegacyStoreWithSlugs() {
		String schema = "legacy_" + unique();
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(schema)
			.locations("classpath:db/migration", "classpath:db/platform")
			.target("202611230100")
			.load()
			.migrate();
		this.jdbc.update("INSERT INTO " + schema + ".products (id, name, description, price_amount, price_currency, "
				+ "created_at) VALUES ('6f1c2a9e-0000-4000-8000-000000000001', 'Crème Brûlée Set!', NULL, 12.5, "
				+ "'EUR', now())");
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(schema)
			.locations("classpath:db/migration", "classpath:db/platform")
			.load()
			.migrate();

		Map<String, Object> product = this.jdbc
			.queryForMap("SELECT p.slug, p.active, p.updated_at IS NOT NULL AS updated, s.slug AS store_slug, "
					+ "s.active AS store_active FROM " + schema + ".products p JOIN " + schema
					+ ".stores s ON s.id = p.store_id");
		assertThat(product).containsEntry("slug", "cr-me-br-l-e-set-6f1c2a9e")
			.containsEntry("active", true)
			.containsEntry("updated", true)
			.containsEntry("store_slug", "legacy-catalog")
			.containsEntry("store_active", false);
		this.jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
	}

}
