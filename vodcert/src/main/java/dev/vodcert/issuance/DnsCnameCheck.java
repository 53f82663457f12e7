package dev.vodcert.issuance;

import dev.vodcert.ownership.DnsExchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The CNAME check as real DNS queries (dnsjava, no cache): {@code <name> IN CNAME} sent to one
 * configured resolver with a timeout, following the chain hop by hop (at most {@value #MAX_CHAIN}).
 * The domain passes when its chain reaches the expected target (compared without case or trailing
 * dot). NXDOMAIN, or a chain that ends elsewhere, is a {@code MISMATCH}; any other response code, a
 * timeout or a network error is a {@code DNS_FAILURE}, which says nothing about the record. The
 * observed CNAME reported is the domain's own (the first hop).
 */
public final class DnsCnameCheck implements CnameCheck {
    private static final int MAX_CHAIN = 8;

    private final InetSocketAddress resolver;
    private final Duration timeout;
    private final String resolverText;

    public DnsCnameCheck(InetSocketAddress resolver, Duration timeout) {
        this.resolver = resolver;
        this.timeout = timeout;
        this.resolverText = resolver.getHostString() + ":" + resolver.getPort();
    }

    /** The configured {@code host:port}, or the system's first name server when null. */
    public static DnsCnameCheck of(String hostPortOrNull, Duration timeout) {
        if (hostPortOrNull == null) {
            InetSocketAddress first = ResolverConfig.getCurrentConfig().servers().stream().findFirst()
                    .orElse(new InetSocketAddress("127.0.0.1", 53));
            return new DnsCnameCheck(first, timeout);
        }
        int colon = hostPortOrNull.lastIndexOf(':');
        String host = colon < 0 ? hostPortOrNull : hostPortOrNull.substring(0, colon);
        int port = colon < 0 ? 53 : Integer.parseInt(hostPortOrNull.substring(colon + 1));
        return new DnsCnameCheck(new InetSocketAddress(host, port), timeout);
    }

    public String resolver() {
        return resolverText;
    }

    @Override
    public Result check(String asciiDomainName, String expectedCname) {
        String expected = normalise(expectedCname);
        String current = normalise(asciiDomainName);
        String first = "";
        Set<String> seen = new HashSet<>();
        for (int hop = 0; hop < MAX_CHAIN && seen.add(current); hop++) {
            Message response;
            try {
                response = query(current);
            } catch (TextParseException e) {
                return new Result(Outcome.MISMATCH, first, resolverText, current + " is not a valid DNS name");
            } catch (IOException e) {
                return new Result(Outcome.DNS_FAILURE, first, resolverText, "DNS query for " + current + " failed: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            int rcode = response.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                return new Result(Outcome.MISMATCH, first, resolverText, current + " does not exist (NXDOMAIN); "
                        + asciiDomainName + " must be a CNAME to " + expected);
            }
            if (rcode != Rcode.NOERROR) {
                return new Result(Outcome.DNS_FAILURE, first, resolverText, "DNS query for " + current + " answered "
                        + Rcode.string(rcode));
            }
            Optional<String> next = target(response, current);
            if (next.isEmpty()) {
                break;
            }
            if (first.isEmpty()) {
                first = next.get();
            }
            if (next.get().equals(expected)) {
                return new Result(Outcome.OK, first, resolverText, "");
            }
            current = next.get();
        }
        return CnameCheck.endedElsewhere(asciiDomainName, first, current, expected, resolverText);
    }

    private Message query(String name) throws IOException {
        SimpleResolver simple = new SimpleResolver(resolver);
        simple.setTimeout(timeout);
        return DnsExchange.send(simple, Message.newQuery(Record.newRecord(Name.fromString(name, Name.root),
                Type.CNAME, DClass.IN)));
    }

    private static Optional<String> target(Message response, String owner) {
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r instanceof CNAMERecord cname && normalise(r.getName().toString()).equals(owner)) {
                return Optional.of(normalise(cname.getTarget().toString()));
            }
        }
        return Optional.empty();
    }

    private static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
