package dev.vodcert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vodcert.protocol.ApiException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code DomainNames} lists, {@code DomainSearchType}, and the {@code DomainName} filter text. */
class DomainListsAndFiltersTest {

    @Test
    void domainNamesAreStoredFormsInOrder() {
        assertThat(DomainNameList.parse("b.example.com, A.EXAMPLE.com ,视频.example.com,.example.com"))
                .containsExactly("b.example.com", "a.example.com", "xn--cy2a840a.example.com", "*.example.com");
        assertThat(DomainNameList.parse("not_a_domain")).containsExactly("not_a_domain");
        assertThat(DomainNameList.check(Collections.nCopies(1, "a.example.com"), "ResourceId.N")).hasSize(1);
    }

    @Test
    void badDomainNamesListsAreInvalidParameter() {
        refused(",", "Entry 1 is empty");
        refused("a.example.com,", "Entry 2 is empty");
        refused("a.example.com,,b.example.com", "Entry 2 is empty");
        refused("a.example.com,A.example.com", "named twice");
        refused(".example.com,*.example.com", "named twice");
        StringBuilder many = new StringBuilder("d0.example.com");
        for (int i = 1; i <= 50; i++) {
            many.append(",d").append(i).append(".example.com");
        }
        refused(many.toString(), "51 domains");
        assertThat(DomainNameList.parse(many.substring(0, many.lastIndexOf(",")))).hasSize(50);
        ApiException none = catchThrowableOfType(ApiException.class, () -> DomainNameList.check(List.of(), "ResourceId.N"));
        assertThat(none.code()).isEqualTo("MissingParameter");
    }

    @Test
    void searchTypes() {
        assertThat(DomainSearchType.parse(null)).isEqualTo(DomainSearchType.FUZZY_MATCH);
        assertThat(DomainSearchType.parse("suf_match")).isEqualTo(DomainSearchType.SUF_MATCH);
        ApiException e = catchThrowableOfType(ApiException.class, () -> DomainSearchType.parse("Pre_Match"));
        assertThat(e.code()).isEqualTo("InvalidParameter");
        assertThat(e.getMessage()).contains("\"DomainSearchType\"");
    }

    @Test
    void filterTextIsStoredFormWithoutPatternCharacters() {
        assertThat(DomainQuery.nameFilter(null, DomainSearchType.FUZZY_MATCH)).isNull();
        assertThat(DomainQuery.nameFilter("Example", DomainSearchType.FUZZY_MATCH)).isEqualTo("example");
        assertThat(DomainQuery.nameFilter("视频", DomainSearchType.FUZZY_MATCH)).isEqualTo("xn--cy2a840a");
        assertThat(DomainQuery.nameFilter(".example.com", DomainSearchType.FULL_MATCH)).isEqualTo("*.example.com");
        assertThat(DomainQuery.nameFilter(".example.com", DomainSearchType.SUF_MATCH)).isEqualTo(".example.com");
        for (String bad : List.of("a_b", "a%b", "a b", "a\\b", "x".repeat(254))) {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> DomainQuery.nameFilter(bad, DomainSearchType.FUZZY_MATCH));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.code()).isEqualTo("InvalidParameter");
            assertThat(e.getMessage()).contains("\"DomainName\"");
        }
    }

    private static void refused(String names, String why) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> DomainNameList.parse(names));
        assertThat(e).as(names).isNotNull();
        assertThat(e.code()).isEqualTo("InvalidParameter");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains("\"DomainNames\"").contains(why);
    }
}
