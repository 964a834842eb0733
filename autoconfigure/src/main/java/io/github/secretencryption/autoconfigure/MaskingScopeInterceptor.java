package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.jackson.SecretMasking;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Ends the masking scope as soon as the handler, and so the response body, is done. The
 * interceptor is registered last, so that Spring MVC calls it before every other
 * interceptor's {@code postHandle} and {@code afterCompletion}: an interceptor that
 * serializes an object there, say for an audit event, gets the real value.
 */
class MaskingScopeInterceptor implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		SecretMasking.deactivate();
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		SecretMasking.deactivate();
	}

}
