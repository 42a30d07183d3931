package org.instaclone.follow.graph;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FollowTests {

	@Test
	void aFollowOfYourselfIsRefused() {
		UUID me = UUID.randomUUID();
		assertThatExceptionOfType(GraphExceptions.SelfFollow.class).isThrownBy(() -> new Follow(me, me));
	}
}
