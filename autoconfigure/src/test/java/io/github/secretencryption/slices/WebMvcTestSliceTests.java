package io.github.secretencryption.slices;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An application's own {@code @WebMvcTest} masks encrypted attributes in responses and
 * needs no key directory.
 */
@WebMvcTest(CredentialController.class)
class WebMvcTestSliceTests extends KeyDirectoryUntouched {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private CredentialRepository credentials;

	@Test
	void masksEncryptedAttributesInResponses() throws Exception {
		given(this.credentials.findById(7L)).willReturn(Optional.of(new Credential("web", "web-password")));
		this.mvc.perform(get("/credentials/7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("web"))
			.andExpect(jsonPath("$.password").value("MASKED"));
	}

}
