package com.emporium.recommendation;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class MongoFailuresTests extends RecommendationIntegrationTest {

	private final MongoFailures.Translator translator = new MongoFailures.Translator();

	@Autowired
	MongoTemplate mongo;

	@Test
	void aPausedConnectionPoolIsAStoreThatCannotBeReached() {
		MongoConnectionPoolClearedException paused = paused();

		assertThat(this.translator.translateExceptionIfPossible(paused))
			.isInstanceOf(DataAccessResourceFailureException.class)
			.hasCause(paused);
	}

	@Test
	void theServicesMongoTemplateTranslatesSo() {
		// Without the post-processor, Spring Data's default makes this an uncategorized error: a 500.
		assertThat(this.mongo.getExceptionTranslator().translateExceptionIfPossible(paused()))
			.isInstanceOf(DataAccessResourceFailureException.class);
	}

	private static MongoConnectionPoolClearedException paused() {
		ServerId server = new ServerId(new ClusterId(), new ServerAddress("localhost", 27017));
		return new MongoConnectionPoolClearedException(server, null);
	}

	@Test
	void otherFailuresKeepSpringDatasTranslation() {
		MongoSocketOpenException refused = new MongoSocketOpenException("refused", new ServerAddress());

		assertThat(this.translator.translateExceptionIfPossible(refused))
			.isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(this.translator.translateExceptionIfPossible(new IllegalStateException("not mongo"))).isNull();
	}

}
