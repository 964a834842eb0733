package io.github.secretencryption.queries;

public record NameAndEmail(String name, String email) {

}
