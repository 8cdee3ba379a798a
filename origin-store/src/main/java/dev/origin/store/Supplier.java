package dev.origin.store;

/** A supplier of bought parts; {@code contact} (an e-mail address or a name) may be null. */
public record Supplier(String id, String name, String country, String contact) {}
