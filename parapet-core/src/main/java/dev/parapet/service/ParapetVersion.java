package dev.parapet.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Parapet's own version, read once from the build. */
public final class ParapetVersion {

    private static final String VERSION = load();

    private ParapetVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ParapetVersion.class.getResourceAsStream("/dev/parapet/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
