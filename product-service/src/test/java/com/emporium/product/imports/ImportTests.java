package com.emporium.product.imports;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.TestJwts;
import com.emporium.product.ProductServiceIntegrationTest;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class ImportTests extends ProductServiceIntegrationTest {

	static final String HEADER = "name,price,currency,sku,stock,brand,tags,options,category_id,description\n";

	@Test
	void anOwnerImportsTheGoodRowsAndLearnsWhyTheOthersWereRejected() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String s = unique();
		String csv = HEADER + "Oak chair " + s + ",49.90,EUR,IMP-A-" + s + ",5,Woodworks,oak|chair,size=M;colour=red,,\n"
				+ "\"Table, round " + s + "\",120,EUR,IMP-B-" + s + ",0,,,,,\"Two lines\nof text, \"\"quoted\"\"\"\n"
				+ "Lamp " + s + ",abc,EUR,IMP-C-" + s + ",1,,,,,\n"
				+ "Rug " + s + ",10,EUR,,1,,,,,\n"
				+ "Vase " + s + ",10,EUR,IMP-E-" + s + ",-1,,,,,\n"
				+ "Bowl " + s + ",10,EUR,IMP-F-" + s + ",1,,,," + UUID.randomUUID() + ",\n"
				+ "Cup " + s + ",10,EUR,imp-a-" + s + ",1,,,,,\n"
				+ "Mug " + s + ",10,EURO,IMP-H-" + s + ",1,,,,,\n";

		JsonNode report = body(csv(store, vendor.token(), csv, false), 200);
		assertThat(report.get("written").asBoolean()).isTrue();
		assertThat(report.get("rows").asInt()).isEqualTo(8);
		assertThat(report.get("acceptedCount").asInt()).isEqualTo(2);
		assertThat(report.get("accepted").valueStream().map(row -> row.get("line").asInt())).containsExactly(2, 3);
		assertThat(rejected(report)).containsExactly("5:price", "6:sku", "7:stock", "8:category_id", "9:sku",
				"10:currency");
		assertThat(report.get("rejected").get(4).get("reason").asString()).contains("line 2");

		String chair = report.get("accepted").get(0).get("productId").asString();
		JsonNode product = body(get("/api/v1/products/" + chair, null), 200);
		assertThat(product.get("brand").asString()).isEqualTo("Woodworks");
		assertThat(product.get("tags").valueStream().map(JsonNode::asString)).containsExactly("oak", "chair");
		assertThat(product.get("variants").get(0).get("options").get("colour").asString()).isEqualTo("red");
		String table = report.get("accepted").get(1).get("productId").asString();
		assertThat(body(get("/api/v1/products/" + table, null), 200).get("description").asString())
			.isEqualTo("Two lines\nof text, \"quoted\"");
		assertThat(body(get("/api/v1/products?store=" + store, null), 200).get("totalItems").asLong()).isEqualTo(2);
		JsonNode created = awaitEvent("emporium.product.product-created.v1", chair, event -> true);
		assertThat(created.get("data").get("storeId").asString()).isEqualTo(store);
	}

	@Test
	void anAtomicImportWritesNothingWhenARowIsRejectedAndEverythingWhenNone() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String s = unique();
		String taken = "TAKEN-" + s;
		createProduct(vendor.token(), product(store, Map.of("variants",
				java.util.List.of(Map.of("sku", taken, "stock", 1)))));
		String csv = HEADER + "One " + s + ",10,EUR,AT-1-" + s + ",1,,,,,\n"
				+ "Two " + s + ",10,EUR," + taken + ",1,,,,,\n"
				+ "Three " + s + ",10,EUR,AT-3-" + s + ",1,,,,,\n"
				+ "Four " + s + ",0,EUR,AT-4-" + s + ",1,,,,,\n";

		JsonNode problem = problem(csv(store, vendor.token(), csv, true), 422, "import-rejected", null);
		JsonNode report = problem.get("report");
		assertThat(report.get("written").asBoolean()).isFalse();
		// A SKU taken in the catalog and a zero price: both found, the rows around them still checked.
		assertThat(rejected(report)).containsExactly("3:sku", "5:price");
		assertThat(report.get("accepted").valueStream().map(row -> row.get("line").asInt())).containsExactly(2, 4);
		assertThat(absent(report.get("accepted").get(0), "productId")).isTrue();
		assertThat(body(get("/api/v1/products?store=" + store, null), 200).get("totalItems").asLong()).isOne();
		assertThat(count("SELECT count(*) FROM product_variants WHERE sku LIKE ?", "AT-%-" + s)).isZero();

		String good = HEADER + "One " + s + ",10,EUR,AT-1-" + s + ",1,,,,,\n" + "Three " + s + ",10,EUR,AT-3-" + s
				+ ",1,,,,,\n";
		JsonNode written = body(csv(store, vendor.token(), good, true), 200);
		assertThat(written.get("written").asBoolean()).isTrue();
		assertThat(written.get("accepted").get(1).get("productId").asString()).isNotBlank();
		assertThat(body(get("/api/v1/products?store=" + store, null), 200).get("totalItems").asLong()).isEqualTo(3);
	}

	@Test
	void importedProductsAnnounceTheirCategorysName() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String s = unique();
		String category = addCategory("Tableware " + s, null);
		String csv = HEADER + "Plate " + s + ",8,EUR,CN-1-" + s + ",2,,,," + category + ",\n" + "Bowl " + s
				+ ",6,EUR,CN-2-" + s + ",2,,,," + category + ",\n" + "Spoon " + s + ",2,EUR,CN-3-" + s + ",2,,,,,\n";

		JsonNode report = body(csv(store, vendor.token(), csv, true), 200);
		assertThat(report.get("acceptedCount").asInt()).isEqualTo(3);
		for (int row = 0; row < 2; row++) {
			String id = report.get("accepted").get(row).get("productId").asString();
			JsonNode created = awaitEvent("emporium.product.product-created.v1", id, event -> true).get("data");
			assertThat(created.get("categoryName").asString()).isEqualTo("Tableware " + s);
		}
		String spoon = report.get("accepted").get(2).get("productId").asString();
		assertThat(absent(awaitEvent("emporium.product.product-created.v1", spoon, event -> true).get("data"),
				"categoryName"))
			.isTrue();
	}

	@Test
	void aFileCanBeUploadedAsMultipart() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String s = unique();
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource((HEADER + "Stool " + s + ",15,EUR,MP-" + s + ",3,,,,,\n")
			.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "products.csv";
			}
		});
		JsonNode report = body(this.http.post()
			.uri("/api/v1/stores/" + store + "/imports?atomic=true")
			.header("Authorization", "Bearer " + vendor.token())
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.exchange(), 200);
		assertThat(report.get("acceptedCount").asInt()).isOne();
	}

	@Test
	void onlyTheOwnerOrAnAdminImportsIntoAStore() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String s = unique();
		String csv = HEADER + "Admin's " + s + ",10,EUR,ADM-" + s + ",1,,,,,\n";
		problem(csv(store, Vendor.create().token(), csv, false), 403, "forbidden", null);
		problem(csv(store, CUSTOMER, csv, false), 403, "forbidden", null);
		problem(csv(store, null, csv, false), 401, "unauthenticated", null);
		problem(csv(UUID.randomUUID().toString(), ADMIN, csv, false), 404, "not-found", null);
		assertThat(body(get("/api/v1/products?store=" + store, null), 200).get("totalItems").asLong()).isZero();
		assertThat(body(csv(store, ADMIN, csv, false), 200).get("acceptedCount").asInt()).isOne();
	}

	@Test
	void aFileThatIsNotProductCsvIsRefusedNamingIt() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		problem(csv(store, vendor.token(), "name,price,currency,sku,stock,colour\nA,1,EUR,S,1,red\n", false), 400,
				"validation-failed", "file");
		problem(csv(store, vendor.token(), "name,price,currency,stock\nA,1,EUR,1\n", false), 400, "validation-failed",
				"file");
		problem(csv(store, vendor.token(), "name,name,price,currency,sku,stock\n", false), 400, "validation-failed",
				"file");
		problem(csv(store, vendor.token(), HEADER + "\"Open,1,EUR,S,1,,,,,\n", false), 400, "validation-failed",
				"file");
		problem(csv(store, vendor.token(), "", false), 400, "validation-failed", "file");
		StringBuilder many = new StringBuilder(HEADER);
		for (int i = 0; i <= 1000; i++) {
			many.append("P").append(i).append(",1,EUR,S").append(i).append(",1,,,,,\n");
		}
		problem(csv(store, vendor.token(), many.toString(), false), 400, "validation-failed", "file");
		JsonNode latin1 = problem(this.http.post()
			.uri("/api/v1/stores/" + store + "/imports")
			.header("Authorization", "Bearer " + vendor.token())
			.contentType(MediaType.parseMediaType("text/csv"))
			.body((HEADER + "Cr\u00e8me,1,EUR,S,1,,,,,\n").getBytes(StandardCharsets.ISO_8859_1))
			.exchange(), 400, "validation-failed", "file");
		assertThat(latin1.get("errors").get(0).get("detail").asString()).contains("UTF-8");
		problem(this.http.post()
			.uri("/api/v1/stores/" + store + "/imports?atomic=maybe")
			.header("Authorization", "Bearer " + vendor.token())
			.contentType(MediaType.parseMediaType("text/csv"))
			.body(HEADER.getBytes(StandardCharsets.UTF_8))
			.exchange(), 400, "validation-failed", "atomic");
		problem(csv(store, vendor.token(), "x".repeat(1_100_000), false), 413, "payload-too-large", null);
		assertThat(body(get("/api/v1/products?store=" + store, null), 200).get("totalItems").asLong()).isZero();
	}

	private RestTestClient.ResponseSpec csv(String store, String token, String body, boolean atomic) {
		RestTestClient.RequestBodySpec request = this.http.post()
			.uri("/api/v1/stores/" + store + "/imports?atomic=" + atomic);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.contentType(MediaType.parseMediaType("text/csv"))
			.body(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private static java.util.List<String> rejected(JsonNode report) {
		return report.get("rejected")
			.valueStream()
			.map(row -> row.get("line").asInt() + ":" + row.get("field").asString())
			.toList();
	}

	static String customer() {
		return TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");
	}

}
