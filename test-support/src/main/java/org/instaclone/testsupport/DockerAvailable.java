package org.instaclone.testsupport;

import org.testcontainers.DockerClientFactory;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether a Docker engine is reachable. Asked once per JVM; set {@code -Dinstaclone.test.docker=false}
 * to force the embedded infrastructure even where Docker runs.
 */
public final class DockerAvailable implements Condition {

	private static volatile Boolean available;

	public static boolean check() {
		if (available == null) {
			available = !"false".equals(System.getProperty("instaclone.test.docker"))
					&& DockerClientFactory.instance().isDockerAvailable();
		}
		return available;
	}

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return check();
	}

	/** The opposite: embedded infrastructure is used. */
	public static final class Not implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !check();
		}
	}
}
