package dev.vodcert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.testing.FuzzBudget;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the DomainName rules with any text: only {@code InvalidDomainName.Malformed} may escape
 * {@link DomainName#parse}, an accepted name is canonical (parsing its ASCII or Unicode form gives
 * it back) and within the length rules, and the lookup the actions use never fails otherwise; a name
 * the one-pass check takes as canonical is one the label-by-label rules give back unchanged.
 * Seeds: {@code DomainNameFuzzTestInputs/parse}. Long runs: see SECURITY.md.
 */
class DomainNameFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parse(byte[] input) throws Throwable {
        FuzzBudget.run(() -> check(input));
    }

    private static void check(byte[] input) {
        String raw = new String(input, StandardCharsets.UTF_8);
        try {
            DomainName name = DomainName.parse(raw);
            assertThat(name.ascii().length()).isLessThanOrEqualTo(DomainName.MAX_NAME_LENGTH);
            assertThat(name.ascii()).matches("(\\*\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)+");
            assertThat(DomainName.parse(name.ascii())).isEqualTo(name);
            assertThat(DomainName.parse(name.unicode()).ascii()).isEqualTo(name.ascii());
            assertThat(name.rootDomain()).isNotEmpty();
            assertThat(CnameTarget.of(name, "w.alikunlun.com")).endsWith(".w.alikunlun.com");
        } catch (ApiException refused) {
            assertThat(refused.code()).isEqualTo("InvalidDomainName.Malformed");
            assertThat(refused.httpStatus()).isEqualTo(400);
        }
        try {
            assertThat(DomainService.lookupName(raw)).isNotEmpty();
        } catch (ApiException notFound) {
            assertThat(notFound.code()).isEqualTo("InvalidDomain.NotFound");
        }
        if (DomainNameRules.isCanonicalLdh(raw)) {
            assertThat(DomainNameRules.labelByLabel(raw)).isEqualTo(raw);
        }
    }
}
