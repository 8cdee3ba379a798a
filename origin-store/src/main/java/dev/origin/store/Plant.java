package dev.origin.store;

/** A plant of the workspace's producer: where made parts are produced ({@code country}: ISO 3166 alpha-2). */
public record Plant(String id, String name, String country) {}
