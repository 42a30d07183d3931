package org.instaclone.ads.campaign;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.instaclone.ads.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two edits of one campaign race: the one that commits second fails instead of overwriting the first. */
@ServiceTest
class CampaignLockingTests {

	@Autowired
	CampaignRepository campaigns;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aConcurrentEditMakesTheSlowerOneFail() {
		UUID owner = UUID.randomUUID();
		Campaign created = campaigns.saveAndFlush(Campaign.draft(owner,
				new CampaignRequests.NewCampaign("Race", "headline", CampaignControllerTests.MEDIA_KEY,
						"https://shop.example", null, 1_000L, 100L, null, null),
				Instant.now()));
		TransactionTemplate tx = new TransactionTemplate(transactions);
		TransactionTemplate other = new TransactionTemplate(transactions);
		other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			Campaign mine = campaigns.findByIdAndAdvertiserId(created.id(), owner).orElseThrow();
			// meanwhile another request edits and commits
			other.executeWithoutResult(s -> jdbc
				.sql("update campaign set headline = 'theirs', version = version + 1 where id = ?")
				.param(created.id())
				.update());
			mine.edit(new CampaignRequests.CampaignChanges(null, "mine", null, null, null, null, null, null, null),
					Instant.now());
			campaigns.flush();
		})).isInstanceOf(OptimisticLockingFailureException.class);

		assertThat(jdbc.sql("select headline from campaign where id = ?").param(created.id()).query(String.class)
			.single()).isEqualTo("theirs");
	}
}
