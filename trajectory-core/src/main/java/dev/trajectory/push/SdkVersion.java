package dev.trajectory.push;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this SDK and the User-Agent it sends. */
public final class SdkVersion {

    private static final String VERSION = load();

    private SdkVersion() {
    }

    public static String version() {
        return VERSION;
    }

    /** {@code trajectory-java/<version> (Java <version>)}. */
    public static String userAgent() {
        return "trajectory-java/" + VERSION + " (Java " + System.getProperty("java.version") + ")";
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("/dev/trajectory/trajectory-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        }
        catch (IOException ex) {
            return "unknown";
        }
    }
}
