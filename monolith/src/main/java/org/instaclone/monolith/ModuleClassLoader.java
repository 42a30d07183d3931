package org.instaclone.monolith;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The class loader a module's context sees: classes come from the application class loader
 * unchanged (one copy of every class in the JVM), but the resources only a service's own jar should
 * answer, its {@code application.yml} and its Flyway migrations ({@code db/migration}), are looked up
 * in that jar alone. Every service jar has both under the same names; without this, each context
 * would read the first {@code application.yml} on the class path and Flyway would find all five
 * services' {@code V1__*.sql} at once.
 */
final class ModuleClassLoader extends ClassLoader {

	static {
		registerAsParallelCapable();
	}

	private final String base;

	/**
	 * @param application the module's application class; its jar (or classes folder) is the module's own
	 */
	ModuleClassLoader(Class<?> application, ClassLoader parent) {
		super(application.getSimpleName(), parent);
		this.base = baseOf(application, parent);
	}

	/** The URL prefix of the jar or folder a class was loaded from, as its class loader spells resource URLs. */
	static String baseOf(Class<?> type, ClassLoader loader) {
		String name = type.getName().replace('.', '/') + ".class";
		URL url = Objects.requireNonNull(loader.getResource(name), () -> "no " + name);
		String spelled = url.toString();
		return spelled.substring(0, spelled.length() - name.length());
	}

	static boolean isModuleOwn(String name) {
		String path = name.startsWith("/") ? name.substring(1) : name;
		return path.startsWith("application.") || path.startsWith("application-") || path.startsWith("config/application")
				|| path.equals("db/migration") || path.startsWith("db/migration/");
	}

	@Override
	public @Nullable URL getResource(String name) {
		if (!isModuleOwn(name)) {
			return super.getResource(name);
		}
		try {
			Enumeration<URL> own = getResources(name);
			return own.hasMoreElements() ? own.nextElement() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	@Override
	public Enumeration<URL> getResources(String name) throws IOException {
		Enumeration<URL> all = getParent().getResources(name);
		if (!isModuleOwn(name)) {
			return all;
		}
		List<URL> own = new ArrayList<>();
		while (all.hasMoreElements()) {
			URL url = all.nextElement();
			if (url.toString().startsWith(this.base)) {
				own.add(url);
			}
		}
		return Collections.enumeration(own);
	}
}
