package org.instaclone.ads.campaign;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MediaKeyTests {

	@ParameterizedTest
	@ValueSource(strings = { "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.jpg" })
	void acceptsUploadServiceContentHashKeys(String key) {
		assertThat(MediaKey.Validator.isMediaKey(key)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
			"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08.jpg",
			"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0.jpg", "../../etc/passwd.jpg",
			"https://evil.example/x.jpg", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.jpg/..",
			"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.svg", "" })
	void rejectsAnythingElse(String key) {
		assertThat(MediaKey.Validator.isMediaKey(key)).isFalse();
	}
}
