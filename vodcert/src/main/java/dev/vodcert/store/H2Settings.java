package dev.vodcert.store;

/**
 * JVM-wide H2 settings (system properties H2 reads once, when its classes load), set by
 * {@link Database} before it first touches H2. A value given on the command line ({@code -Dh2.x=...})
 * is kept.
 *
 * <p>{@code h2.objectCache=false}: H2 by default interns every value it reads from a page into one
 * shared table ({@code org.h2.value.Value.cache}: a hash, a lookup and an equality check per string).
 * At 1,000,000 domains nearly every lookup reads pages that fell out of the page cache, and that
 * interning was 12% of the describe query's time; off, the query takes ~17% less CPU there and the
 * same at 1,000 domains (bench/README.md, "the describe query's page cache").
 */
final class H2Settings {
    static final String OBJECT_CACHE = "h2.objectCache";

    private H2Settings() {
    }

    static void apply() {
        if (System.getProperty(OBJECT_CACHE) == null) {
            System.setProperty(OBJECT_CACHE, "false");
        }
    }
}
