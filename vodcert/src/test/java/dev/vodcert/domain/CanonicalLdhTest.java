package dev.vodcert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass check for names already canonical ({@link DomainNameRules#isCanonicalLdh}) agrees with
 * the label-by-label rules: whatever it accepts, they give back unchanged; and names the SDKs send take it.
 */
class CanonicalLdhTest {
    private static final String[] PIECES = {"a", "z", "0", "9", "-", ".", "xn--", "A", "_", "*", ".", "abc",
        "1", "-", "\u00e9"};

    private static boolean rulesKeep(String raw) {
        try {
            return DomainNameRules.labelByLabel(raw).equals(raw);
        } catch (RuntimeException refused) {
            return false;
        }
    }

    @Test
    void whatItAcceptsTheRulesGiveBackUnchanged() {
        Random random = new Random(42);
        int accepted = 0;
        for (int run = 0; run < 200_000; run++) {
            StringBuilder raw = new StringBuilder();
            for (int i = 1 + random.nextInt(12); i > 0; i--) {
                raw.append(PIECES[random.nextInt(PIECES.length)]);
            }
            if (random.nextInt(50) == 0) {
                raw.append("a".repeat(60 + random.nextInt(10))).append(".com");
            }
            String name = raw.toString();
            if (DomainNameRules.isCanonicalLdh(name)) {
                accepted++;
                assertThat(rulesKeep(name)).as(name).isTrue();
            }
        }
        assertThat(accepted).isGreaterThan(1_000);
    }

    @Test
    void namesClientsSendTakeTheOnePassCheck() {
        for (String name : new String[] {"example.com", "d42.bench.example.com", "a-b.c0.example.com.cn", "1.example.io"}) {
            assertThat(DomainNameRules.isCanonicalLdh(name)).as(name).isTrue();
            assertThat(DomainNameRules.ascii(name)).isSameAs(name);
        }
        for (String name : new String[] {"Example.com", "example.com.", ".example.com", "*.example.com", "a..com",
            "-a.com", "a-.com", "xn--fsq.com", "example.123", "com", "a_b.com", "a".repeat(64) + ".com"}) {
            assertThat(DomainNameRules.isCanonicalLdh(name)).as(name).isFalse();
        }
    }
}
