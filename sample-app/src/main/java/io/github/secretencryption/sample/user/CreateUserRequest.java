package io.github.secretencryption.sample.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user to create.
 *
 * @param username name of the user: lower-case letters, digits, dots, hyphens and
 * underscores, starting with a letter or digit
 */
public record CreateUserRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*",
		message = "must be lower-case letters, digits, '.', '-' or '_' after a letter or digit") String username) {

}
