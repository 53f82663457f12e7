package dev.vodcert.bench;

/**
 * Requests ready for the wire, each with the HTTP status its answer must carry (200 for a stored
 * domain, 404 {@code InvalidDomain.NotFound} for an unknown one); any other answer is an error.
 */
record Workload(byte[][] requests, int[] expectedStatus) {
    int size() {
        return requests.length;
    }

    /** The same requests, every answer expected to be 200 (the baseline answers everything alike). */
    Workload allOk() {
        int[] ok = new int[requests.length];
        java.util.Arrays.fill(ok, 200);
        return new Workload(requests, ok);
    }
}
