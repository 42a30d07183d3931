package org.instaclone.metrics.view;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Caps the beacon's body before it is parsed: 100 views are ~15 KB, so anything above
 * {@value #MAX_BYTES} bytes is refused (413) without reading it, and a body without a
 * {@code Content-Length} (chunked) is refused (411). Otherwise a 25 MB body (the gateway's limit)
 * would be turned into ~170,000 objects before Bean Validation rejects the list.
 */
@Configuration(proxyBeanMethods = false)
class ViewBodyLimit implements WebMvcConfigurer, HandlerInterceptor {

	static final int MAX_BYTES = 64 * 1024;

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/metrics/views");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if ("POST".equals(request.getMethod())) {
			long length = request.getContentLengthLong();
			if (length < 0 || length > MAX_BYTES) {
				throw new ViewBodyTooLargeException(length, MAX_BYTES);
			}
		}
		return true;
	}
}
