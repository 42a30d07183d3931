package org.instaclone.follow.account;

import org.junit.jupiter.api.Test;

import org.instaclone.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The schema's own guarantees, on real PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestInfrastructure.class)
class AccountRepositoryTests {

	@Autowired
	AccountRepository accounts;

	@Test
	void handlesAreUniqueInTheDatabaseToo() {
		String handle = "uniq" + System.nanoTime();
		accounts.saveAndFlush(new Account(handle, handle + "@a.example", "hash"));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> accounts.saveAndFlush(new Account(handle, handle + "@b.example", "hash")));
	}

	@Test
	void countersMoveInSqlAndNeverGoNegative() {
		String a = "cnta" + System.nanoTime();
		String b = "cntb" + System.nanoTime();
		Account follower = accounts.saveAndFlush(new Account(a, a + "@example.com", "hash"));
		Account followee = accounts.saveAndFlush(new Account(b, b + "@example.com", "hash"));

		accounts.addFollowing(follower.getId(), 1);
		accounts.addFollowers(followee.getId(), 1);

		assertThat(accounts.findById(follower.getId()).orElseThrow().getFollowingCount()).isEqualTo(1);
		assertThat(accounts.findById(followee.getId()).orElseThrow().getFollowersCount()).isEqualTo(1);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> accounts.addFollowers(follower.getId(), -1));
	}
}
