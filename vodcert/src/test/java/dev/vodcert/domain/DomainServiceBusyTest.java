package dev.vodcert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vodcert.protocol.ApiException;
import dev.vodcert.store.Database;
import dev.vodcert.store.DomainStore;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A domain being configured or checked (a state other parts of the system set) refuses updates and
 * status changes with {@code ServiceBusy} (403), and a batch that names it changes no domain.
 */
class DomainServiceBusyTest {
    private static final List<Source> ORIGIN = List.of(Source.of("ipaddr", "1.1.1.1", 80));

    private Database db;
    private Jdbi jdbi;
    private DomainService service;
    private long account;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:busy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null, 2);
        jdbi = db.jdbi();
        service = new DomainService(new DomainStore(jdbi), Clock.systemUTC(), "w.alikunlun.com", 20);
        account = jdbi.withHandle(h -> h.createUpdate("INSERT INTO account (name, created_at) VALUES ('a', 0)")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aBusyDomainRefusesChanges() {
        for (String busy : List.of("configuring", "checking")) {
            String name = busy + ".example.com";
            service.add(account, DomainName.parse(name), ORIGIN, Scope.DOMESTIC, null, null);
            service.add(account, DomainName.parse("calm-" + name), ORIGIN, Scope.DOMESTIC, null, null);
            setStatus(name, busy);

            ApiException update = catchThrowableOfType(ApiException.class,
                    () -> service.update(account, name, List.of(Source.of("ipaddr", "2.2.2.2", 80)), null));
            assertThat(update.code()).isEqualTo("ServiceBusy");
            assertThat(update.httpStatus()).isEqualTo(403);
            assertThat(update.getMessage()).contains(name).contains(busy);

            ApiException batch = catchThrowableOfType(ApiException.class,
                    () -> service.setStatus(account, List.of("calm-" + name, name), DomainStatus.OFFLINE));
            assertThat(batch.code()).isEqualTo("ServiceBusy");
            assertThat(batch.httpStatus()).isEqualTo(403);
            assertThat(service.get(account, "calm-" + name).domainStatus()).isEqualTo("online");
            assertThat(service.get(account, name).domainStatus()).isEqualTo(busy);
            assertThat(service.get(account, name).sources()).contains("1.1.1.1").doesNotContain("2.2.2.2");

            service.delete(account, name);
            assertThat(catchThrowableOfType(ApiException.class, () -> service.get(account, name)).code())
                    .isEqualTo("InvalidDomain.NotFound");
        }
    }

    private void setStatus(String name, String status) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE vod_domain SET domain_status = :s WHERE domain_name = :n")
                .bind("s", status).bind("n", name).execute());
    }
}
