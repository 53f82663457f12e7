package dev.vodcert.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one test class through the JUnit Platform outside Maven, for scripts/fuzz.sh: a long fuzzing
 * campaign then runs on a snapshot of the compiled classes that later builds cannot change under it.
 * Jazzer settings arrive as system properties ({@code -Djazzer.internal.arg.N=...}), which JUnit
 * reads as configuration parameters. Exit status 0 when every test passed.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(args[0]))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printTo(out);
        summary.printFailuresTo(out, 40);
        out.flush();
        System.exit(summary.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
