package dev.vodcert.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The database: a pooled connection to H2 (a file in the data folder, the default) or PostgreSQL
 * (a JDBC URL), migrated by Flyway before use; a database whose schema is already this build's
 * ({@link CurrentSchema}) is opened without loading Flyway. H2 runs with {@code WRITE_DELAY=0} so
 * that a commit is in the file when it returns and a killed process loses no acknowledged write.
 *
 * <p>Opening checks first and changes nothing when it refuses ({@link DatabaseStartException}): a
 * URL no driver takes, a server out of reach, refused credentials, a schema newer than this code.
 * Running, every wait is bounded so that an outage is answered at once, not hung on: a connection
 * from the pool within {@value #CONNECTION_TIMEOUT_MS} ms, and on PostgreSQL a new connection
 * within {@value #PG_CONNECT_TIMEOUT_S} s and any socket read within {@value #PG_SOCKET_TIMEOUT_S} s.
 * The pool replaces broken connections by itself, so service resumes when the database returns.
 */
public final class Database implements AutoCloseable {
    /** How long a caller waits for a pooled connection before the request fails (503). */
    public static final int CONNECTION_TIMEOUT_MS = 2_000;
    static final int VALIDATION_TIMEOUT_MS = 1_000;
    static final int PG_CONNECT_TIMEOUT_S = 2;
    static final int PG_SOCKET_TIMEOUT_S = 10;

    static {
        H2Settings.apply();
    }

    private final HikariDataSource dataSource;
    private final Object jdbiLock = new Object();
    private volatile Jdbi jdbi;
    private final boolean postgres;
    private final ChangeCount changes;
    private final boolean migrated;
    private DomainMirror mirror;

    private Database(HikariDataSource dataSource, boolean postgres, boolean migrated) {
        this.dataSource = dataSource;
        this.changes = ChangeCount.of(dataSource.getJdbcUrl());
        this.postgres = postgres;
        this.migrated = migrated;
    }

    /** The embedded default: {@code <dataDir>/vodcert.mv.db}. */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("vodcert") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * Opens, checks and migrates the database. The probe's connection stays open until the pool has
     * its own, so that an embedded H2 file is opened once, not closed and opened again.
     *
     * @throws DatabaseStartException when it cannot be used; nothing has been changed then
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        boolean postgres = JdbcUrls.isPostgres(jdbcUrl);
        Properties driverProperties = postgres ? postgresProperties() : new Properties();
        Connection probe = ConnectionProbe.open(jdbcUrl, user, password, driverProperties);
        try {
            CurrentSchema.State schema = CurrentSchema.of(probe);
            boolean migrate = schema != CurrentSchema.State.CURRENT;
            if (migrate) {
                migrate(jdbcUrl, user, password, driverProperties, schema == CurrentSchema.State.OTHER);
            }
            return new Database(pool(jdbcUrl, user, password, poolSize, driverProperties), postgres, migrate);
        } finally {
            try {
                probe.close();
            } catch (SQLException ignored) {
                // the pool has connections of its own
            }
        }
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password, int poolSize,
                                         Properties driverProperties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setDataSourceProperties(driverProperties);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("vodcert");
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(VALIDATION_TIMEOUT_MS);
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT_MS);
        return new HikariDataSource(config);
    }

    /**
     * Refuses a newer schema (when there is a history to read), then migrates, on connections of
     * Flyway's own (it needs two at once on PostgreSQL, more than a pool of one could give).
     */
    private static void migrate(String jdbcUrl, String user, String password, Properties driverProperties,
                                boolean historyExists) {
        Map<String, String> properties = new HashMap<>();
        driverProperties.stringPropertyNames().forEach(k -> properties.put(k, driverProperties.getProperty(k)));
        try {
            Flyway flyway = Flyway.configure().dataSource(jdbcUrl, user, password).jdbcProperties(properties)
                    .locations("classpath:db/migration").load();
            if (historyExists) {
                SchemaVersionGuard.requireKnown(flyway, JdbcUrls.masked(jdbcUrl));
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new DatabaseStartException("The database schema at " + JdbcUrls.masked(jdbcUrl)
                    + " cannot be brought to this vodcert's version: " + firstLine(e.getMessage()));
        }
    }

    /** pgjdbc settings that bound every wait; a value given in the URL itself wins. */
    private static Properties postgresProperties() {
        Properties p = new Properties();
        p.setProperty("connectTimeout", Integer.toString(PG_CONNECT_TIMEOUT_S));
        p.setProperty("loginTimeout", Integer.toString(PG_CONNECT_TIMEOUT_S + 1));
        p.setProperty("socketTimeout", Integer.toString(PG_SOCKET_TIMEOUT_S));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "vodcert");
        return p;
    }

    /** Whether opening went through Flyway (false: the schema was current, Flyway not loaded). */
    boolean ranFlyway() {
        return migrated;
    }

    /**
     * The Jdbi over the pool, made on the first call (thread-safe): what runs before the API opens
     * does without it ({@link #plainQuery()}), since Jdbi's first use in a process costs more than
     * the rest of the start (issue 6).
     */
    public Jdbi jdbi() {
        Jdbi made = jdbi;
        if (made == null) {
            synchronized (jdbiLock) {
                made = jdbi;
                if (made == null) {
                    made = CountingJdbi.over(dataSource, changes);
                    jdbi = made;
                }
            }
        }
        return made;
    }

    /**
     * {@link #jdbi()} for a store to call when it first needs it. Not {@code database::jdbi}: a
     * method reference naming {@link Jdbi} loads that class as soon as it is made.
     */
    Supplier<Jdbi> lazyJdbi() {
        return new Supplier<>() {
            @Override
            public Jdbi get() {
                return jdbi();
            }
        };
    }

    /** Statements on pooled connections without a Jdbi handle (the per-request reads, the start's statements). */
    PlainQuery plainQuery() {
        return PlainQuery.on(dataSource, changes);
    }

    /**
     * Where a per-request read keeps its answers between writes: in this process on the embedded H2
     * file, which no other process can open meanwhile; nowhere on a shared database, which other
     * nodes (and the admin commands) write behind this one's back.
     */
    <K, V> RememberedReads<K, V> rememberedReads() {
        return postgres ? RememberedReads.none() : RememberedReads.over(changes);
    }

    /**
     * The describe fields of every domain in memory ({@link DomainMirror}), made with its triggers
     * on the first call; null on PostgreSQL and on an H2 server. It fills itself when {@link #loadDomainMirror} runs.
     */
    synchronized DomainMirror domainMirror() {
        if (mirror == null && isEmbedded()) {
            mirror = DomainMirror.start(plainQuery());
        }
        return mirror;
    }

    /**
     * Loads every domain into the mirror (the service runs it once, in the background, after the API
     * opens); returns how many, or -1 on PostgreSQL.
     */
    public int loadDomainMirror() {
        DomainMirror m = domainMirror();
        return m == null ? -1 : m.load();
    }

    /**
     * An H2 database opened in this process (a file, or memory in tests), which no other process can
     * write meanwhile; not one reached through an H2 server ({@code tcp:}, {@code ssl:}), whose
     * triggers would run in the server, nor a read-only {@code zip:} file.
     */
    private boolean isEmbedded() {
        String url = dataSource.getJdbcUrl().toLowerCase(Locale.ROOT);
        if (postgres || !url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return !(rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:"));
    }

    /** True for PostgreSQL, which several nodes may share; false for the embedded H2 file. */
    public boolean isShared() {
        return postgres;
    }

    /**
     * A cheap query ({@code SELECT 1}) through the pool: false when the database does not answer,
     * after at most {@value #CONNECTION_TIMEOUT_MS} ms. For readiness checks and background work.
     */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(VALIDATION_TIMEOUT_MS / 1000);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no detail";
        }
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (mirror != null) {
                mirror.stop();
            }
        }
        dataSource.close();
    }
}
