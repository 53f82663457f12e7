package dev.vodcert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packed table finds every name it was given with its own fields, and nothing else. */
class DomainTableTest {
    private static DomainTable.Domain fields(int i, String name) {
        return new DomainTable.Domain(i % 3 + 1, i % 2 == 0 ? 0 : 1_000 + i, i % 2 == 0 ? "off" : "on",
                i % 5 == 0 ? null : "online", switch (i % 3) {
                    case 0 -> null;
                    case 1 -> name;
                    default -> "*.example.com";
                }, i % 7 == 0 ? "checking" : null);
    }

    @Test
    void everyNameComesBackWithItsFieldsAndUnknownNamesDoNot() {
        DomainTable.Builder builder = new DomainTable.Builder();
        Map<String, DomainTable.Domain> expected = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String name = (i % 1000 == 0 ? "bücher" : "d") + i + ".example.com";
            DomainTable.Domain d = fields(i, name);
            builder.add(name, d);
            expected.put(name, d);
        }
        DomainTable table = builder.build();
        assertThat(table.size()).isEqualTo(50_000);
        expected.forEach((name, d) -> assertThat(table.find(name)).as(name).contains(d));
        assertThat(table.find("d50000.example.com")).isEmpty();
        assertThat(table.find("d1.example.co")).isEmpty();
        assertThat(table.find("")).isEmpty();
    }

    /**
     * Names that differ only in a counter (as many operators' are, and the benchmark's) spread over
     * the slots: a lookup looks at few of them, found or not.
     */
    @Test
    void namesThatDifferInACounterProbeFewSlots() {
        DomainTable.Builder builder = new DomainTable.Builder();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            builder.add("d" + i + ".bench.example", fields(i, "d" + i + ".bench.example"));
        }
        DomainTable table = builder.build();
        long found = 0;
        long missing = 0;
        for (int i = 0; i < n; i++) {
            found += table.probes("d" + i + ".bench.example");
            missing += table.probes("u" + i + ".bench.example");
        }
        assertThat((double) found / n).as("mean probes, stored names").isLessThan(1.5);
        assertThat((double) missing / n).as("mean probes, unknown names").isLessThan(2.5);
    }

    @Test
    void anEmptyTableFindsNothing() {
        DomainTable table = new DomainTable.Builder().build();
        assertThat(table.size()).isZero();
        assertThat(table.find("a.example.com")).isEmpty();
    }
}
