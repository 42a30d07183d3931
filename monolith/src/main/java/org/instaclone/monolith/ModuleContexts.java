package org.instaclone.monolith;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The module contexts that are up, for the root context's endpoints that ask every module
 * ({@link ModulesHealth}, {@link ModulesMetrics}): {@link Monolith} attaches each module once it has
 * started and detaches them all when it stops.
 */
final class ModuleContexts {

	private final Map<Module, ConfigurableApplicationContext> contexts = new ConcurrentHashMap<>();

	void attach(Module module, ConfigurableApplicationContext context) {
		this.contexts.put(module, context);
	}

	void detachAll() {
		this.contexts.clear();
	}

	/** The module's context while it is attached and active; {@code null} before it started or once it stopped. */
	@Nullable ConfigurableApplicationContext running(Module module) {
		ConfigurableApplicationContext context = this.contexts.get(module);
		return (context != null && context.isActive()) ? context : null;
	}
}
