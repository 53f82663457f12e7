package dev.vodcert.server;

import dev.vodcert.testing.Issued;
import dev.vodcert.testing.SignedClient;
import dev.vodcert.testing.SignedClient.Answer;
import dev.vodcert.testing.TestCertificates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The write streams of {@link CrashScenario} and their bookkeeping: {@value #ADDERS} clients add
 * new domains, {@value #UPLOADERS} clients each replace the certificate of their own domain with
 * the next of {@value #CERTS_PER_UPLOADER} certificates in turn. A write counts as acknowledged
 * only when its answer was HTTP 200; a write whose connection broke (the kill) is in flight, not
 * acknowledged.
 */
final class CrashWrites {
    static final int ADDERS = 3;
    static final int UPLOADERS = 2;
    static final int CERTS_PER_UPLOADER = 40;
    static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";

    /** Acknowledged domain name to the round it was acknowledged in (0: before the first round). */
    final Map<String, Integer> ackedDomains = new ConcurrentHashMap<>();
    final List<String> uploadRefusals = Collections.synchronizedList(new ArrayList<>());
    final List<String> owned = new ArrayList<>();
    final List<List<Issued>> certs = new ArrayList<>();
    /** Per uploader, the index of its last acknowledged upload (-1: none yet). */
    final AtomicIntegerArray lastAcked = new AtomicIntegerArray(UPLOADERS);
    /** Per uploader, the index of the upload it sends next. */
    final AtomicIntegerArray nextUpload = new AtomicIntegerArray(UPLOADERS);
    private final AtomicInteger names = new AtomicInteger();

    CrashWrites() {
        for (int u = 0; u < UPLOADERS; u++) {
            lastAcked.set(u, -1);
            String domain = "owned-" + u + ".crash-test.com";
            owned.add(domain);
            List<Issued> mine = new ArrayList<>();
            for (int i = 0; i < CERTS_PER_UPLOADER; i++) {
                mine.add(TestCertificates.certificate().key(TestCertificates.ec("secp256r1")).dns(domain).issue());
            }
            certs.add(mine);
        }
    }

    /** The streams of one round, not yet started; each ends when {@code running} turns false or its connection breaks. */
    List<Thread> streams(SignedClient client, int round, AtomicBoolean running, AtomicInteger acknowledged) {
        List<Thread> streams = new ArrayList<>();
        for (int a = 0; a < ADDERS; a++) {
            streams.add(new Thread(() -> {
                while (running.get()) {
                    String name = "d" + names.incrementAndGet() + ".crash-test.com";
                    try {
                        Answer answer = client.call("AddVodDomain", Map.of("DomainName", name, "Sources", SOURCES));
                        if (answer.status() == 200) {
                            ackedDomains.put(name, round);
                            acknowledged.incrementAndGet();
                        }
                    } catch (RuntimeException connectionGone) {
                        return;
                    }
                }
            }));
        }
        for (int u = 0; u < UPLOADERS; u++) {
            int uploader = u;
            streams.add(new Thread(() -> {
                while (running.get() && nextUpload.get(uploader) < CERTS_PER_UPLOADER) {
                    if (!upload(client, uploader, acknowledged)) {
                        return;
                    }
                }
            }));
        }
        return streams;
    }

    private boolean upload(SignedClient client, int uploader, AtomicInteger acknowledged) {
        int index = nextUpload.get(uploader);
        Issued cert = certs.get(uploader).get(index);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("DomainName", owned.get(uploader));
        p.put("SSLProtocol", "on");
        p.put("SSLPub", cert.chainPem());
        p.put("SSLPri", cert.keyPemPkcs8());
        try {
            Answer answer = client.call("POST", true, "SetVodDomainCertificate", p, x -> { });
            nextUpload.set(uploader, index + 1);
            if (answer.status() == 200) {
                lastAcked.set(uploader, index);
                acknowledged.incrementAndGet();
            } else {
                uploadRefusals.add(answer.body());
            }
            return true;
        } catch (RuntimeException connectionGone) {
            return false;
        }
    }

    /** Whether every uploader has had an upload acknowledged since {@code before} (or has none left). */
    boolean advanced(int[] before) {
        for (int u = 0; u < before.length; u++) {
            if (lastAcked.get(u) == before[u] && nextUpload.get(u) < CERTS_PER_UPLOADER) {
                return false;
            }
        }
        return true;
    }

    int[] uploadsSnapshot() {
        int[] copy = new int[UPLOADERS];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = lastAcked.get(i);
        }
        return copy;
    }

    /** The PEMs a domain may serve after a kill: its last acknowledged upload, or the one that was in flight. */
    List<String> allowedAfterKill(int uploader) {
        int acked = lastAcked.get(uploader);
        List<String> allowed = new ArrayList<>();
        allowed.add(certs.get(uploader).get(acked).certPem());
        if (acked + 1 < CERTS_PER_UPLOADER) {
            allowed.add(certs.get(uploader).get(acked + 1).certPem());
        }
        return allowed;
    }
}
