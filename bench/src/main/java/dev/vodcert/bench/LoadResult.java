package dev.vodcert.bench;

import java.util.Arrays;

/**
 * What one load run measured: answers per second over the whole run, latency percentiles (from
 * writing the request to reading the last byte of its answer), errors (wrong status, closed or
 * stalled connection; the first answer with a wrong status is kept, or null) and the load
 * generator's own CPU time.
 */
record LoadResult(int connections, int requests, long errors, double seconds, double requestsPerSecond,
                  double p50Millis, double p99Millis, double p999Millis, double maxMillis,
                  double generatorCpuSeconds, String firstError) {

    static LoadResult of(int connections, int requests, long errors, long elapsedNanos, long[] latencies,
                         long generatorCpuNanos, String firstError) {
        long[] sorted = Arrays.copyOf(latencies, requests);
        Arrays.sort(sorted);
        double seconds = elapsedNanos / 1e9;
        return new LoadResult(connections, requests, errors, seconds, requests / seconds,
                millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 0.999),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, generatorCpuNanos / 1e9, firstError);
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    /** The generator's share of one core while it ran. */
    double generatorCores() {
        return generatorCpuSeconds / seconds;
    }

    /** Microseconds of generator CPU per request. */
    double generatorMicrosPerRequest() {
        return requests == 0 ? 0 : generatorCpuSeconds * 1e6 / requests;
    }
}
