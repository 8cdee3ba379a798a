package dev.origin.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Origin that makes determinations, from the build ({@code origin-store}'s Maven version). */
public final class EngineVersion {
    private static final String VERSION = load();

    private EngineVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("/dev/origin/store/engine.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "");
            return v.isBlank() || v.contains("${") ? "origin-dev" : "origin " + v;
        } catch (IOException e) {
            return "origin-dev";
        }
    }
}
