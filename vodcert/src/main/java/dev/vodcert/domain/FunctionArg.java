package dev.vodcert.domain;

/** One argument of a domain configuration rule, as {@code Functions} and {@code FunctionArgs} carry it. */
public record FunctionArg(String argName, String argValue) {
}
