package dev.origin.server;

import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * Who may call a route: anyone ({@link #PUBLIC}), or a signed-in user whose role is at least the one named.
 * The roles are ordered: a viewer reads and computes, an analyst also changes the workspace, an admin also
 * manages users and their tokens.
 */
public enum Access implements RouteRole {
    PUBLIC, VIEWER, ANALYST, ADMIN;

    /** Whether a user of this role may call a route that needs {@code needed}. */
    public boolean allows(Access needed) {
        return needed == PUBLIC || (this != PUBLIC && compareTo(needed) >= 0);
    }

    /** The role's name as users write it: {@code viewer}, {@code analyst}, {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code text} (viewer, analyst or admin), or null. */
    public static Access role(String text) {
        if (text == null) return null;
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "viewer" -> VIEWER;
            case "analyst" -> ANALYST;
            case "admin" -> ADMIN;
            default -> null;
        };
    }
}
