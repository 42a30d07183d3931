package org.instaclone.monolith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.servlet.AnnotationConfigServletWebApplicationContext;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * Starts and stops the monolith: the root context (Tomcat and the router), PostgreSQL when none is
 * configured, then one context per service, each from the service's own application class, its own
 * {@code application.yml} and Flyway migrations, in its own schema, with {@link InProcessEvents} as
 * its event transport; then it opens event delivery. Stops in the reverse order: the web server first
 * (it drains requests in flight), then events, the modules and the database.
 */
final class Monolith implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Monolith.class);

	/** Kafka is not used at all: no broker, producer, consumer or listener container. */
	private static final String EXCLUDED_AUTO_CONFIGURATIONS = String.join(",",
			"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
			"org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
			// the modules share the root's Tomcat; their contexts have no server of their own
			"org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration");

	private final ServletWebServerApplicationContext root;

	private final ModuleRouter router;

	private final ModuleContexts contexts;

	private final InProcessEvents events = new InProcessEvents(Duration.ofMillis(500));

	private final List<ConfigurableApplicationContext> modules = new ArrayList<>();

	private @Nullable LocalDatabase database;

	private Monolith(ServletWebServerApplicationContext root) {
		this.root = root;
		this.router = root.getBean(ModuleRouter.class);
		this.contexts = root.getBean(ModuleContexts.class);
	}

	/**
	 * Spring's switch for training runs ({@code -Dspring.context.exit=onRefresh}: the image's AOT cache,
	 * Dockerfile): exit as soon as the context is refreshed. Spring reads it once per JVM, so it would
	 * stop the monolith after its root context, before any module; the monolith takes it over and exits
	 * once every module context is up, so the training run records the modules' classes too.
	 */
	static final String EXIT_ON_REFRESH = "spring.context.exit";

	static void main(String[] args) {
		// cleared before the first context refreshes, where Spring's DefaultLifecycleProcessor reads it
		boolean exitWhenStarted = "onRefresh".equals(System.clearProperty(EXIT_ON_REFRESH));
		Monolith monolith;
		try {
			monolith = start(args);
		}
		catch (Exception ex) {
			log.error("The monolith did not start", ex);
			System.exit(1);
			return;
		}
		if (exitWhenStarted) {
			log.info("{}=onRefresh: every module is up, exiting (a training run)", EXIT_ON_REFRESH);
			// as Spring does for one context: no shutdown, the process ends here
			Runtime.getRuntime().halt(0);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(monolith::close, "monolith-shutdown"));
	}

	static Monolith start(String... args) throws IOException {
		long started = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MonolithApplication.class)
			.properties("spring.config.name=monolith")
			.registerShutdownHook(false)
			.run(args);
		Monolith monolith = new Monolith((ServletWebServerApplicationContext) context);
		try {
			monolith.startModules();
		}
		catch (RuntimeException | IOException ex) {
			monolith.close();
			throw ex;
		}
		log.info("Instaclone monolith ready on http://localhost:{} in {} ms ({} modules, one JVM)", monolith.port(),
				Duration.ofNanos(System.nanoTime() - started).toMillis(), monolith.modules.size());
		return monolith;
	}

	int port() {
		return this.root.getWebServer().getPort();
	}

	long deadLetters() {
		return this.events.deadLetters();
	}

	private void startModules() throws IOException {
		Environment settings = this.root.getEnvironment();
		Path data = Path.of(settings.getProperty("instaclone.monolith.data-dir", ".instaclone/monolith"))
			.toAbsolutePath();
		Files.createDirectories(data);
		String url = settings.getProperty("instaclone.monolith.postgres.url", "");
		String user = settings.getProperty("instaclone.monolith.postgres.username", "postgres");
		String password = settings.getProperty("instaclone.monolith.postgres.password", "");
		if (url.isBlank()) {
			this.database = LocalDatabase.start(data.resolve("postgres"),
					settings.getProperty("instaclone.monolith.postgres.port", Integer.class, 15433),
					Module.ALL.stream().map(Module::schema).toList());
			url = this.database.jdbcUrl();
		}
		ServletContext servletContext = this.root.getServletContext();
		for (Module module : Module.ALL) {
			Map<String, Object> overrides = new HashMap<>();
			overrides.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + module.schema());
			// embedded: each module's own login, which owns its schema and nothing else
			LocalDatabase local = this.database;
			overrides.put("spring.datasource.username", (local != null) ? local.login(module.schema()) : user);
			overrides.put("spring.datasource.password", password);
			overrides.put("spring.flyway.schemas", module.schema());
			// as the local runner sets for each service: two idle connections per pool, not ten
			overrides.put("spring.datasource.hikari.minimum-idle", "2");
			overrides.put("spring.autoconfigure.exclude", EXCLUDED_AUTO_CONFIGURATIONS);
			overrides.put("spring.main.banner-mode", "off");
			// the tokens follow-service signs are verified with its keys, fetched from its JWKS endpoint
			// in this same process (through the loopback interface, as any OIDC provider's would be)
			overrides.put("instaclone.security.jwks-uri", "http://localhost:" + port() + "/.well-known/jwks.json");
			switch (module.schema()) {
				case "follow" -> overrides.put("instaclone.tokens.key-dir", data.resolve("keys").toString());
				case "upload" -> overrides.put("instaclone.media.local.root", data.resolve("media").toString());
				case "integrations" -> {
					if (settings.getProperty("INTEGRATIONS_SECRET_KEY", "").isBlank()) {
						overrides.put("instaclone.integrations.endpoints.secret-key", secretKey(data));
					}
				}
				default -> {
					// no module-specific settings
				}
			}
			long moduleStarted = System.nanoTime();
			ConfigurableApplicationContext context = startModule(module, overrides, servletContext);
			this.modules.add(context);
			int listeners = this.events.subscribeAll(module.name(), context);
			try {
				this.router.attach(module, ModuleDispatch.of(module, context, servletContext));
				this.contexts.attach(module, context);
			}
			catch (jakarta.servlet.ServletException ex) {
				throw new IllegalStateException(module.name() + ": " + ex.getMessage(), ex);
			}
			log.info("{} up in {} ms (schema {}, {} event listeners)", module.name(),
					Duration.ofNanos(System.nanoTime() - moduleStarted).toMillis(), module.schema(), listeners);
		}
		this.events.open();
	}

	private ConfigurableApplicationContext startModule(Module module, Map<String, Object> overrides,
			ServletContext servletContext) {
		StandardServletEnvironment environment = new StandardServletEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("monolith:" + module.name(), overrides));
		ClassLoader loader = new ModuleClassLoader(module.application(), Monolith.class.getClassLoader());
		return new SpringApplicationBuilder(module.application()).environment(environment)
			.resourceLoader(new DefaultResourceLoader(loader))
			.web(WebApplicationType.SERVLET)
			.contextFactory(ApplicationContextFactory.of(() -> {
				AnnotationConfigServletWebApplicationContext context = new AnnotationConfigServletWebApplicationContext();
				context.setServletContext(servletContext);
				return context;
			}))
			.bannerMode(Banner.Mode.OFF)
			.initializers((context) -> {
				context.getBeanFactory().registerSingleton("inProcessEvents", this.events);
				// beans, and the JDK proxies of package-private interfaces (Spring Data repositories),
				// are loaded by the application class loader as in the microservice; only resource
				// look-ups through the context (config files, Flyway) use the module's class loader
				context.addBeanFactoryPostProcessor(new ApplicationClassLoader());
			})
			.registerShutdownHook(false)
			.run();
	}

	/** Sets the bean class loader back to the application class loader before any bean is defined. */
	private static final class ApplicationClassLoader implements BeanDefinitionRegistryPostProcessor {

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			((ConfigurableListableBeanFactory) registry).setBeanClassLoader(Monolith.class.getClassLoader());
		}
	}

	/** integrations-service's key for webhook secrets at rest: generated once, kept in the data folder. */
	private static String secretKey(Path data) throws IOException {
		Path file = data.resolve("integrations-secret-key");
		if (!Files.exists(file)) {
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.UTF_8);
		}
		return Files.readString(file, StandardCharsets.UTF_8).trim();
	}

	@Override
	public void close() {
		this.root.close();
		this.router.detachAll();
		this.contexts.detachAll();
		this.events.close();
		for (int i = this.modules.size() - 1; i >= 0; i--) {
			this.modules.get(i).close();
		}
		LocalDatabase started = this.database;
		if (started != null) {
			started.close();
		}
	}
}
