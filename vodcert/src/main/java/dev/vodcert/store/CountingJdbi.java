package dev.vodcert.store;

import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

/**
 * The service's {@link Jdbi}: over the pool, every handle counted in the database's
 * {@link ChangeCount} as it closes (a write through Jdbi is committed by then). A class of its own,
 * so that nothing of Jdbi is loaded, not even to verify {@link Database} or {@link ChangeCount},
 * until {@link Database#jdbi()} is first called.
 */
final class CountingJdbi implements HandleListener {
    private final ChangeCount changes;

    private CountingJdbi(ChangeCount changes) {
        this.changes = changes;
    }

    static Jdbi over(DataSource pool, ChangeCount changes) {
        Jdbi jdbi = Jdbi.create(pool);
        jdbi.getConfig(Handles.class).addListener(new CountingJdbi(changes));
        return jdbi;
    }

    @Override
    public void handleCreated(Handle handle) {
        PendingWrites.handleOpened();
    }

    @Override
    public void handleClosed(Handle handle) {
        PendingWrites.handleClosed();
        changes.committed();
    }
}
