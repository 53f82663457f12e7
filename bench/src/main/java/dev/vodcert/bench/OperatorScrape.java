package dev.vodcert.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * The operators' listener of a seeded service: {@code GET /metrics} (its size, the first scrape,
 * which computes the SQL aggregates, and the median and slowest of {@value #SCRAPES} later ones,
 * which answer the figures the service keeps for a few seconds and refresh them behind), one scrape
 * after those figures are due again, and the console's pages (overview, expiry timeline, the first
 * page of domains, a name search that matches nothing, so it reads every name).
 */
final class OperatorScrape {
    static final int SCRAPES = 20;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OperatorScrape() {
    }

    static void time(ServerProcess service, int domains, Report report) throws Exception {
        String line = service.awaitLogLine("/metrics and /admin/free-certificates", 60);
        String base = line.replaceAll(".*(http://[^/ ]+)/metrics.*", "$1");
        String at = ", " + domains + " domains";
        long[] first = get(base + "/metrics");
        report.fact("metrics scrape bytes" + at, first[1]);
        report.fact("metrics first scrape ms (aggregates computed)" + at, first[0] / 1e6);
        double[] ms = new double[SCRAPES];
        for (int i = 0; i < SCRAPES; i++) {
            ms[i] = get(base + "/metrics")[0] / 1e6;
        }
        Arrays.sort(ms);
        report.fact("metrics scrape ms (median of " + SCRAPES + ")" + at, ms[SCRAPES / 2]);
        report.fact("metrics scrape ms (slowest of " + SCRAPES + ")" + at, ms[SCRAPES - 1]);
        Thread.sleep(6_000); // the figures are now due again: this scrape answers them and refreshes behind
        report.fact("metrics scrape ms (figures due, refreshed behind)" + at, get(base + "/metrics")[0] / 1e6);
        for (String page : new String[] {"/console", "/console/timeline", "/console/domains",
                "/console/domains?q=no-such-name-anywhere"}) {
            long[] r = get(base + page);
            report.fact("console " + page + " ms" + at, r[0] / 1e6);
        }
    }

    /** {elapsed ns, body bytes} of one GET answered 200. */
    private static long[] get(String url) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long elapsed = System.nanoTime() - start;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return new long[] {elapsed, r.body().length};
    }
}
