package dev.vodcert.bench;

import dev.vodcert.domain.Source;
import dev.vodcert.domain.Sources;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The writes an operator runs, signed ahead of time as three workloads over the same new domains,
 * run one after the other: {@code AddVodDomain}, then {@code SetVodDomainCertificate} (HTTPS on with
 * an uploaded certificate and key, which the service parses, checks and encrypts), then
 * {@code DeleteVodDomain}. Every answer must be 200. A workload is run by a closed loop of C
 * connections, so when the set of domain k is handed out every request more than C places before
 * it has been answered: with more domains than connections, each domain's add has been answered
 * before its certificate is set.
 */
final class WriteMix {
    /** One action's workload. */
    record Phase(String action, Workload work) {
    }

    private WriteMix() {
    }

    static List<Phase> sign(Presigner signer, int domains, String tag, BenchCertificate cert, Instant now) {
        String time = dev.vodcert.protocol.Timestamps.format(now);
        String sources = Sources.toJson(List.of(Source.of(Source.TYPE_IPADDR, "192.0.2.10", 80)));
        byte[][] add = new byte[domains][];
        byte[][] set = new byte[domains][];
        byte[][] delete = new byte[domains][];
        for (int i = 0; i < domains; i++) {
            String name = "w" + tag + "-" + i + "." + Seeder.ZONE;
            add[i] = signer.post(Map.of("Action", "AddVodDomain", "DomainName", name, "Sources", sources), time);
            set[i] = signer.post(Map.of("Action", "SetVodDomainCertificate", "DomainName", name, "SSLProtocol", "on",
                    "SSLPub", cert.chainPem(), "SSLPri", cert.privateKeyPem()), time);
            delete[i] = signer.post(Map.of("Action", "DeleteVodDomain", "DomainName", name), time);
        }
        return List.of(phase("AddVodDomain", add), phase("SetVodDomainCertificate", set),
                phase("DeleteVodDomain", delete));
    }

    private static Phase phase(String action, byte[][] requests) {
        return new Phase(action, new Workload(requests, new int[requests.length]).allOk());
    }
}
