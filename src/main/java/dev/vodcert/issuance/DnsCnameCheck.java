package dev.vodcert.issuance;

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
 * The CNAME check as a real DNS query (dnsjava, no cache): {@code <domain> IN CNAME} sent to one
 * configured resolver with a timeout. The domain passes when the CNAME chain in the answer, starting
 * at the domain, reaches the expected target (compared without case or trailing dot). NXDOMAIN or an
 * answer without such a chain is a {@code MISMATCH}; any other response code, a timeout or a network
 * error is a {@code DNS_FAILURE}, which says nothing about the record.
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
        Message response;
        Name name;
        try {
            name = Name.fromString(asciiDomainName, Name.root);
            SimpleResolver simple = new SimpleResolver(resolver);
            simple.setTimeout(timeout);
            response = simple.send(Message.newQuery(Record.newRecord(name, Type.CNAME, DClass.IN)));
        } catch (TextParseException e) {
            return new Result(Outcome.MISMATCH, "", resolverText, asciiDomainName + " is not a valid DNS name");
        } catch (IOException e) {
            return new Result(Outcome.DNS_FAILURE, "", resolverText, "DNS query for " + asciiDomainName
                    + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return new Result(Outcome.DNS_FAILURE, "", resolverText, "DNS query for " + asciiDomainName
                    + " answered " + Rcode.string(rcode));
        }
        String expected = normalise(expectedCname);
        Optional<String> first = Optional.empty();
        Set<String> seen = new HashSet<>();
        String current = normalise(name.toString());
        for (int hop = 0; hop < MAX_CHAIN && seen.add(current); hop++) {
            Optional<String> next = target(response, current);
            if (next.isEmpty()) {
                break;
            }
            if (first.isEmpty()) {
                first = next;
            }
            if (next.get().equals(expected)) {
                return new Result(Outcome.OK, first.get(), resolverText, "");
            }
            current = next.get();
        }
        String observed = first.orElse("");
        String why = rcode == Rcode.NXDOMAIN ? asciiDomainName + " does not exist (NXDOMAIN)"
                : observed.isEmpty() ? asciiDomainName + " has no CNAME record"
                : asciiDomainName + " is a CNAME to " + observed;
        return new Result(Outcome.MISMATCH, observed, resolverText, why + "; it must be a CNAME to " + expected);
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
