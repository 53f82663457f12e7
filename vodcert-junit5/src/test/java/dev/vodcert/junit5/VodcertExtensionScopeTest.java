package dev.vodcert.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What the extension does across a class, seen by running small test classes with the JUnit
 * launcher: per class, one vodcert for every test, {@code @BeforeAll} and nested classes; per
 * method, one each; either way it is stopped and its data folder deleted when its scope ends, also
 * after a failing test; a per-method handle asked for in {@code @BeforeAll} is refused with the reason.
 * (The classes below are static nested ones, which Surefire does not run by themselves.)
 */
class VodcertExtensionScopeTest {
    static final List<VodcertHandle> SEEN = new CopyOnWriteArrayList<>();
    static final List<Path> FOLDERS = new CopyOnWriteArrayList<>();

    private static TestExecutionSummary run(Class<?> tests) {
        SEEN.clear();
        FOLDERS.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tests))
                .build(), listener);
        return listener.getSummary();
    }

    private static void see(VodcertHandle vodcert) {
        SEEN.add(vodcert);
        FOLDERS.add(vodcert.dataDir());
        assertThat(Files.isDirectory(vodcert.dataDir())).isTrue();
    }

    @Test
    void perClassOneVodcertServesEveryTestBeforeAllAndNestedClassAndIsGoneAfter() {
        TestExecutionSummary summary = run(PerClass.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
        assertThat(summary.getTestsFailedCount()).isZero();
        assertThat(SEEN).hasSize(4);
        assertThat(SEEN).allSatisfy(h -> assertThat(h).isSameAs(SEEN.get(0)));
        assertThat(FOLDERS).allSatisfy(f -> assertThat(f).doesNotExist());
    }

    @Test
    void perMethodEachTestHasItsOwnAndAFailingTestStillCleansUp() {
        TestExecutionSummary summary = run(PerMethod.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(SEEN).hasSize(4);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1)); // @BeforeEach and its test
        assertThat(SEEN.get(2)).isSameAs(SEEN.get(3));
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(2));
        assertThat(FOLDERS.get(0)).isNotEqualTo(FOLDERS.get(2));
        assertThat(FOLDERS).allSatisfy(f -> assertThat(f).doesNotExist());
    }

    @Test
    void aPerMethodHandleInBeforeAllIsRefusedWithTheReason() {
        TestExecutionSummary summary = run(PerMethodBeforeAll.class);
        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException().getMessage())
                .contains("scope = METHOD").contains("not in start");
    }

    @Test
    void extendWithAloneIsPerClass() {
        TestExecutionSummary summary = run(Plain.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    }

    @VodcertTest
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class PerClass {
        @BeforeAll
        static void start(VodcertHandle vodcert) {
            see(vodcert);
        }

        @Test
        void a(VodcertHandle vodcert) {
            see(vodcert);
            vodcert.addDomain("shared.scope-test.com");
        }

        @Test
        void b(VodcertHandle vodcert) {
            see(vodcert);
            assertThat(vodcert.call("DescribeVodDomainDetail", java.util.Map.of("DomainName", "shared.scope-test.com"))
                    .status()).as("a's domain is still there").isEqualTo(200);
        }

        @Nested
        class Inner {
            @Test
            void c(VodcertHandle vodcert) {
                see(vodcert);
            }
        }
    }

    @VodcertTest(scope = VodcertTest.Scope.METHOD)
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class PerMethod {
        @BeforeEach
        void before(VodcertHandle vodcert) {
            see(vodcert);
        }

        @Test
        void a(VodcertHandle vodcert) {
            see(vodcert);
            vodcert.addDomain("own.scope-test.com");
        }

        @Test
        void b(VodcertHandle vodcert) {
            see(vodcert);
            assertThat(vodcert.call("DescribeVodDomainDetail", java.util.Map.of("DomainName", "own.scope-test.com"))
                    .status()).as("a's domain is not here, and this test fails on purpose").isEqualTo(200);
        }
    }

    @VodcertTest(scope = VodcertTest.Scope.METHOD)
    static class PerMethodBeforeAll {
        @BeforeAll
        static void start(VodcertHandle vodcert) {
            see(vodcert);
        }

        @Test
        void a() {
        }
    }

    @ExtendWith(VodcertExtension.class)
    static class Plain {
        @Test
        void a(VodcertHandle vodcert) {
            see(vodcert);
        }

        @Test
        void b(VodcertHandle vodcert) {
            see(vodcert);
        }
    }
}
