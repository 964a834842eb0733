package io.github.secretencryption.jackson;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.secretencryption.Encrypted;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = MaskingWebIntegrationTests.WebApplication.class,
		properties = "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
				+ "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@AutoConfigureMockMvc
class MaskingWebIntegrationTests {

	@TempDir
	static Path keys;

	@DynamicPropertySource
	static void keyDirectory(DynamicPropertyRegistry registry) {
		registry.add("secret-encryption.key-directory", () -> keys.toString());
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private SettingsController controller;

	@Autowired
	private AuditInterceptor audit;

	@Test
	void writesEncryptedAttributesAsThePlaceholderInResponses() throws Exception {
		this.mvc.perform(get("/settings"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.host").value("smtp.example.test"))
			.andExpect(jsonPath("$.smtp_password").value("MASKED"))
			.andExpect(jsonPath("$.token").isEmpty());
	}

	@Test
	void masksRecordsAndCollections() throws Exception {
		this.mvc.perform(get("/clients"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].clientId").value("first"))
			.andExpect(jsonPath("$[0].clientSecret").value("MASKED"))
			.andExpect(jsonPath("$[1].clientSecret").value("MASKED"));
	}

	@Test
	void keepsTheRealValueForOtherUsesOfTheMapper() throws Exception {
		assertThat(this.jsonMapper.writeValueAsString(SettingsController.settings()))
			.contains("\"smtp_password\":\"s3cret-password\"");
		this.mvc.perform(get("/outbound")).andExpect(status().isOk());
		assertThat(this.controller.outbound).contains("s3cret-password");
		assertThat(this.jsonMapper.writeValueAsString(SettingsController.settings())).contains("s3cret-password");
	}

	@Test
	void masksTheBodyOfAnAsynchronousRequestButNothingTheThreadSerializesAfterIt() throws Exception {
		MvcResult started = this.mvc.perform(get("/async")).andExpect(request().asyncStarted()).andReturn();
		started.getAsyncResult();
		this.mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.smtp_password").value("MASKED"));
		assertThat(this.jsonMapper.writeValueAsString(SettingsController.settings())).contains("s3cret-password");
	}

	@Test
	void keepsTheRealValueForAnInterceptorThatSerializesOnceTheResponseIsWritten() throws Exception {
		this.mvc.perform(get("/settings")).andExpect(jsonPath("$.smtp_password").value("MASKED"));
		assertThat(this.audit.events).hasSize(2).allSatisfy((event) -> assertThat(event).contains("s3cret-password"));
	}

	@Test
	void keepsTheStoredSecretWhenThePlaceholderIsSentBack() throws Exception {
		this.mvc
			.perform(put("/settings").contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"other.example.test\",\"smtp_password\":\"MASKED\"}"))
			.andExpect(status().isOk());
		assertThat(this.controller.stored).isEqualTo("s3cret-password");
	}

	@Test
	void answersBadRequestNamingTheFieldForAPlaceholderWithNothingStored() throws Exception {
		this.mvc
			.perform(put("/clients").contentType(MediaType.APPLICATION_JSON)
				.content("{\"clientId\":\"new\",\"clientSecret\":\"MASKED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("clientSecret"))
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString()).contains("clientSecret"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ SettingsController.class, AuditInterceptor.class })
	static class WebApplication implements WebMvcConfigurer {

		private final AuditInterceptor audit;

		WebApplication(AuditInterceptor audit) {
			this.audit = audit;
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(this.audit);
		}

	}

	/**
	 * Serializes the settings for an audit event after the handler, as an interceptor
	 * that sends them to a message broker would.
	 */
	static class AuditInterceptor implements HandlerInterceptor {

		private final JsonMapper jsonMapper;

		final List<String> events = new CopyOnWriteArrayList<>();

		AuditInterceptor(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
		}

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				@Nullable ModelAndView modelAndView) {
			record(request);
		}

		@Override
		public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
				@Nullable Exception ex) {
			record(request);
		}

		private void record(HttpServletRequest request) {
			if (request.getRequestURI().equals("/settings")) {
				this.events.add(this.jsonMapper.writeValueAsString(SettingsController.settings()));
			}
		}

	}

	@RestController
	static class SettingsController {

		private final SecretMasking masking;

		private final JsonMapper jsonMapper;

		volatile String outbound;

		volatile String stored = "s3cret-password";

		SettingsController(SecretMasking masking, JsonMapper jsonMapper) {
			this.masking = masking;
			this.jsonMapper = jsonMapper;
		}

		static SmtpSettings settings() {
			SmtpSettings settings = new SmtpSettings();
			settings.host = "smtp.example.test";
			settings.password = "s3cret-password";
			return settings;
		}

		@GetMapping("/settings")
		SmtpSettings get() {
			return settings();
		}

		@PutMapping("/settings")
		SmtpSettings put(@RequestBody SmtpSettings update) {
			this.stored = this.masking.resolve(update.password, this.stored, "smtp_password");
			return update;
		}

		@GetMapping("/async")
		Callable<SmtpSettings> async() {
			return SettingsController::settings;
		}

		@GetMapping("/clients")
		List<Client> clients() {
			return List.of(new Client("first", "secret-one"), new Client("second", "secret-two"));
		}

		@PutMapping("/clients")
		Client create(@RequestBody Client client) {
			this.masking.requireReal(client.clientSecret(), "clientSecret");
			return client;
		}

		@GetMapping("/outbound")
		String outbound() {
			this.outbound = this.jsonMapper.writeValueAsString(settings());
			return "sent";
		}

	}

	static class SmtpSettings {

		public String host;

		@Encrypted
		@JsonProperty("smtp_password")
		public String password;

		@Encrypted
		public String token;

	}

	record Client(String clientId, @Encrypted String clientSecret) {
	}

}
