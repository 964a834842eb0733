package io.github.secretencryption.autoconfigure;

import java.io.IOException;

import io.github.secretencryption.jackson.SecretMasking;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the masking scope of a request on every dispatch, asynchronous and error
 * dispatches included, so that nothing else the thread serializes later, for this request
 * or the next one it serves, is masked.
 */
class MaskingScopeFilter extends OncePerRequestFilter implements Ordered {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecretMasking.deactivate();
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
