package org.instaclone.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPostgresTests {

	@Test
	void quotesNamesAndLiteralsForDdl() {
		assertThat(LocalPostgres.quoteIdentifier("follow")).isEqualTo("\"follow\"");
		assertThat(LocalPostgres.quoteIdentifier("a\"b")).isEqualTo("\"a\"\"b\"");
		assertThat(LocalPostgres.quoteLiteral("it's")).isEqualTo("'it''s'");
	}

	@Test
	void pointsEachServiceAtItsOwnDatabase() {
		assertThat(LocalPostgres.jdbcUrl(15432, "follow")).isEqualTo("jdbc:postgresql://localhost:15432/follow");
		assertThat(Services.databases()).containsExactly("follow", "upload", "ads", "integrations", "metrics");
	}
}
