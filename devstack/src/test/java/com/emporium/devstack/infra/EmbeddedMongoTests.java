package com.emporium.devstack.infra;

import java.net.ServerSocket;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedMongoTests {

	@TempDir
	Path temp;

	@Test
	void findsWhatWasInsertedInMemory() {
		try (EmbeddedMongo mongo = EmbeddedMongo.start(null, 0);
				MongoClient client = MongoClients.create(mongo.connectionString("recommendations"))) {
			var products = client.getDatabase("recommendations").getCollection("products");
			products.insertOne(new Document("_id", "p-1").append("score", 0.5));

			assertThat(products.find(new Document("_id", "p-1")).first()).containsEntry("score", 0.5);
		}
	}

	@Test
	void keepsDocumentsAcrossARestartOnTheSameFile() {
		Path file = this.temp.resolve("mongo/emporium.mv");
		try (EmbeddedMongo mongo = EmbeddedMongo.start(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString("recommendations"))) {
			client.getDatabase("recommendations").getCollection("products").insertOne(new Document("_id", "p-2"));
		}
		try (EmbeddedMongo mongo = EmbeddedMongo.start(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString("recommendations"))) {
			assertThat(client.getDatabase("recommendations").getCollection("products").countDocuments()).isEqualTo(1);
		}
	}

	@Test
	void refusesATakenPortWithOneLineNamingTheVariable() throws Exception {
		try (ServerSocket taken = new ServerSocket(0)) {
			assertThatExceptionOfType(PortInUseException.class)
				.isThrownBy(() -> EmbeddedMongo.start(null, taken.getLocalPort()))
				.withMessage("Port %d (MongoDB) is already in use: stop what uses it or set EMPORIUM_MONGO_PORT to a free port."
					.formatted(taken.getLocalPort()));
		}
	}

}
