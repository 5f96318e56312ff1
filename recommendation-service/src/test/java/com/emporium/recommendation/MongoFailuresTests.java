package com.emporium.recommendation;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class MongoFailuresTests {

	private final MongoFailures.Translator translator = new MongoFailures.Translator();

	@Test
	void aPausedConnectionPoolIsAStoreThatCannotBeReached() {
		ServerId server = new ServerId(new ClusterId(), new ServerAddress("localhost", 27017));
		MongoConnectionPoolClearedException paused = new MongoConnectionPoolClearedException(server, null);

		assertThat(this.translator.translateExceptionIfPossible(paused))
			.isInstanceOf(DataAccessResourceFailureException.class)
			.hasCause(paused);
	}

	@Test
	void otherFailuresKeepSpringDatasTranslation() {
		MongoSocketOpenException refused = new MongoSocketOpenException("refused", new ServerAddress());

		assertThat(this.translator.translateExceptionIfPossible(refused))
			.isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(this.translator.translateExceptionIfPossible(new IllegalStateException("not mongo"))).isNull();
	}

}
