package dev.vodcert.junit5;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;

/**
 * What a {@link VodcertTest} start costs: the first start in a JVM (class loading, JIT), then, over
 * the next starts, the median and 90th percentile of the wall time from the call to a running vodcert,
 * the CPU time the starting thread spent in it (less sensitive to a busy machine than the wall time;
 * Jetty and H2 work on other threads too), the first answered request after it, and the stop (with
 * the data folder deleted). Not a test: run it by hand (bench/README.md, "Extension start");
 * {@code args[0]} is the number of starts after the first (default 100).
 */
public final class StartBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StartBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long began = System.nanoTime();
        VodcertHandle first = new VodcertHandle(RunningVodcert.start());
        long firstStart = System.nanoTime() - began;
        first.call("DescribeVodUserDomains", Map.of()).requireOk();
        first.close();
        long[] starts = new long[n];
        long[] cpu = new long[n];
        long[] answers = new long[n];
        long[] stops = new long[n];
        for (int i = 0; i < n; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            VodcertHandle h = new VodcertHandle(RunningVodcert.start());
            long t1 = System.nanoTime();
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
            h.call("DescribeVodUserDomains", Map.of()).requireOk();
            long t2 = System.nanoTime();
            h.close();
            starts[i] = t1 - t0;
            answers[i] = t2 - t1;
            stops[i] = System.nanoTime() - t2;
        }
        System.out.printf("first start %d ms; next %d starts (median / p90): start %d / %d ms, starting thread's CPU"
                        + " %d / %d ms, first answer %d / %d ms, stop %d / %d ms%n", firstStart / 1_000_000, n,
                pct(starts, 50), pct(starts, 90), pct(cpu, 50), pct(cpu, 90), pct(answers, 50), pct(answers, 90),
                pct(stops, 50), pct(stops, 90));
    }

    private static long pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1_000_000;
    }
}
