package dev.vodcert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.testing.FuzzBudget;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes the {@code Sources} parser with any text: only the documented Sources codes may escape,
 * and an accepted list survives its stored form ({@link Sources#toJson}) unchanged.
 * Seeds: {@code SourcesFuzzTestInputs/parse}.
 */
class SourcesFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parse(byte[] input) throws Throwable {
        FuzzBudget.run(() -> check(input));
    }

    private static void check(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        try {
            List<Source> sources = Sources.parse(json);
            assertThat(sources).isNotEmpty().hasSizeLessThanOrEqualTo(Sources.MAX_ENTRIES);
            assertThat(Sources.parse(Sources.toJson(sources))).isEqualTo(sources);
        } catch (ApiException refused) {
            assertThat(refused.code()).startsWith("Invalid");
            assertThat(refused.code()).isIn("InvalidSources.Malformed", "InvalidSource.Content.Malformed",
                    "InvalidSource.Type.Malformed", "InvalidTypeContent.Mismatch", "InvalidSource.Priority.Malformed",
                    "InvalidSource.Port.Malformed");
            assertThat(refused.httpStatus()).isEqualTo(400);
        }
    }
}
