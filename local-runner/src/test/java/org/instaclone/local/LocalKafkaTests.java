package org.instaclone.local;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKafkaTests {

	@Test
	void configuresASingleNodeKraftBrokerOnTheLocalPorts() throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(LocalKafka.serverProperties(Path.of("/data/kafka/data"))));

		assertThat(properties).containsEntry("process.roles", "broker,controller")
			.containsEntry("listeners", "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093")
			.containsEntry("controller.quorum.voters", "1@localhost:19093")
			.containsEntry("log.dirs", "/data/kafka/data")
			.containsEntry("auto.create.topics.enable", "true")
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1");
	}
}
