package org.instaclone.platform.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The {@link EventConsumer} methods of an application context, ready to be called by whichever
 * transport the deployment has: {@code KafkaEventConsumers} in a microservice, the in-process events
 * of the monolith twin. Each is called on the bean as the context exposes it (its proxy, so
 * {@code @Transactional} applies).
 */
public final class EventConsumers {

	private EventConsumers() {
	}

	/**
	 * Every {@link EventConsumer} method of the factory's singletons.
	 * @throws IllegalStateException for a method with another signature, or a name used twice
	 */
	public static List<Endpoint> in(ListableBeanFactory beans) {
		List<Endpoint> found = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (String beanName : beans.getBeanDefinitionNames()) {
			Class<?> type = beans.getType(beanName, false);
			if (type == null) {
				continue;
			}
			Map<Method, EventConsumer> methods = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
					(MethodIntrospector.MetadataLookup<EventConsumer>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, EventConsumer.class));
			if (methods.isEmpty()) {
				continue;
			}
			Object bean = beans.getBean(beanName);
			for (Map.Entry<Method, EventConsumer> entry : methods.entrySet()) {
				Endpoint endpoint = Endpoint.of(entry.getValue(), bean, entry.getKey());
				if (!names.add(endpoint.name())) {
					throw new IllegalStateException("Two @EventConsumer methods are named '" + endpoint.name() + "'");
				}
				found.add(endpoint);
			}
		}
		return List.copyOf(found);
	}

	/**
	 * One consumer: its name, its topic, and the method to call.
	 * @param batch whether the method takes a batch ({@code List<String>}) or one event ({@code String})
	 */
	public record Endpoint(String name, String topic, boolean batch, Object bean, Method method) {

		static Endpoint of(EventConsumer annotation, Object bean, Method declared) {
			Method method = AopUtils.selectInvocableMethod(declared, bean.getClass());
			ReflectionUtils.makeAccessible(method);
			Type[] parameters = declared.getGenericParameterTypes();
			boolean one = parameters.length == 1 && parameters[0] == String.class;
			boolean batch = parameters.length == 1 && parameters[0] instanceof ParameterizedType list
					&& list.getRawType() == List.class && list.getActualTypeArguments()[0] == String.class;
			if (!one && !batch) {
				throw new IllegalStateException("@EventConsumer " + declared
						+ " must take the payload (String) or a batch of payloads (List<String>)");
			}
			return new Endpoint(annotation.name(), annotation.topic(), batch, bean, method);
		}

		/** Hands one event to a consumer of one event, or a batch of one to a batch consumer. */
		public void accept(String payload) {
			invoke(this.batch ? List.of(payload) : payload);
		}

		/** Hands a batch, in order, to a batch consumer. */
		public void acceptAll(List<String> payloads) {
			if (!this.batch) {
				throw new IllegalStateException(this.name + " takes one event at a time");
			}
			invoke(payloads);
		}

		private void invoke(Object argument) {
			try {
				this.method.invoke(this.bean, argument);
			}
			catch (InvocationTargetException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(this.name + " failed", ex.getCause());
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public String toString() {
			return this.name + " (" + this.topic + ")";
		}
	}
}
