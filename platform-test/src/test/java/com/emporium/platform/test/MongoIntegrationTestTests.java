package com.emporium.platform.test;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

@EmporiumIntegrationTest(infrastructure = Infrastructure.MONGO,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
class MongoIntegrationTestTests {

	@Autowired
	MongoClient mongo;

	@Value("${spring.mongodb.uri}")
	String uri;

	@Test
	void connectsToTheEmbeddedMongoDatabaseTest() {
		this.mongo.getDatabase("test").getCollection("things").insertOne(new Document("_id", "t-1"));

		assertThat(this.uri).isEqualTo(EmbeddedInfrastructure.mongo().connectionString("test"));
		assertThat(this.mongo.getDatabase("test").getCollection("things").countDocuments()).isEqualTo(1);
	}

}
