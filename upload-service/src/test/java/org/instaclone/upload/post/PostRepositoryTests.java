package org.instaclone.upload.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.instaclone.platform.security.Viewer;
import org.instaclone.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Limit;

import static org.assertj.core.api.Assertions.assertThat;

/** Keyset paging on real PostgreSQL, including rows that share a timestamp. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestInfrastructure.class)
class PostRepositoryTests {

	@Autowired
	PostRepository posts;

	@Test
	void pagesThroughPostsThatShareATimestampWithoutSkippingOrRepeating() {
		Viewer author = new Viewer(UUID.randomUUID(), "carol");
		Instant same = Instant.parse("2025-03-01T12:00:00Z");
		for (int i = 0; i < 5; i++) {
			posts.save(Post.publish(author, "post " + i, same));
		}
		posts.save(Post.publish(new Viewer(UUID.randomUUID(), "dave"), "other author", same));
		posts.flush();

		List<Post> page1 = posts.findByAuthorIdOrderByCreatedAtDescIdDesc(author.id(), Limit.of(2));
		Post last = page1.get(1);
		List<Post> page2 = posts.findByAuthorAfter(author.id(), same, last.id(), Limit.of(2));
		Post last2 = page2.get(1);
		List<Post> page3 = posts.findByAuthorAfter(author.id(), same, last2.id(), Limit.of(2));

		List<UUID> seen = new java.util.ArrayList<>();
		for (List<Post> page : List.of(page1, page2, page3)) {
			page.forEach(p -> seen.add(p.id()));
		}
		assertThat(seen).hasSize(5).doesNotHaveDuplicates();
		assertThat(page3).hasSize(1);
	}
}
