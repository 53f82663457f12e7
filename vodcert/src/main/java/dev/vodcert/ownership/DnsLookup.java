package dev.vodcert.ownership;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Real DNS queries (dnsjava) through one resolver: the configured {@code host:port}, or the
 * system's resolvers when none is configured. No cache: every check sees what the resolver says
 * now. NXDOMAIN and an empty answer are answers (no records); a timeout or an error code other
 * than NXDOMAIN is a {@link DnsFailure}.
 */
public final class DnsLookup {
    /** The answer to one query: the response code's name and the records' values. */
    record Answer(String rcode, List<String> values) {
    }

    private final InetSocketAddress address;
    private final Duration timeout;
    private final String description;
    private volatile Resolver resolver;

    /**
     * Checks the address now; the resolver itself (dnsjava, which reads the system's configuration
     * when none is given) is made on the first query, so that a start does not wait for it.
     *
     * @param resolverAddress {@code host:port}, {@code [v6]:port} or {@code host}; null for the system's
     */
    public DnsLookup(String resolverAddress, Duration timeout) {
        this.address = resolverAddress == null ? null : address(resolverAddress);
        this.timeout = timeout;
        this.description = resolverAddress == null ? "the system resolver" : "the resolver " + resolverAddress;
    }

    private Resolver resolver() {
        Resolver r = resolver;
        if (r == null) {
            synchronized (this) {
                r = resolver;
                if (r == null) {
                    r = address == null ? new ExtendedResolver() : new SimpleResolver(address);
                    r.setTimeout(timeout);
                    resolver = r;
                }
            }
        }
        return r;
    }

    /** Parses {@code host:port} ({@code [v6]:port}; port 53 when absent). */
    public static InetSocketAddress address(String text) {
        String host = text;
        int port = 53;
        int colon = text.lastIndexOf(':');
        boolean bracketed = text.startsWith("[");
        if (colon > 0 && (bracketed ? colon > text.indexOf(']') : text.indexOf(':') == colon)) {
            host = text.substring(0, colon);
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("resolver port must be a number in " + text);
            }
        }
        if (bracketed) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("resolver must be host:port with a port from 1 to 65535, got " + text);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("resolver host " + host + " does not resolve");
        }
        return address;
    }

    /** Which resolver answers, for messages. */
    String description() {
        return description;
    }

    /** The TXT records at {@code name}, each record's strings joined. */
    Answer txt(String name) throws DnsFailure {
        return query(name, Type.TXT);
    }

    /** The IPv4 addresses of {@code name}, else its IPv6 addresses. */
    List<InetAddress> addresses(String name) throws DnsFailure {
        List<InetAddress> out = new ArrayList<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            for (String value : query(name, type).values()) {
                try {
                    out.add(InetAddress.getByName(value));
                } catch (UnknownHostException e) {
                    throw new DnsFailure("the answer " + value + " is not an address");
                }
            }
            if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    private Answer query(String name, int type) throws DnsFailure {
        Message response;
        try {
            Record question = Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN);
            response = DnsExchange.send(resolver(), Message.newQuery(question));
        } catch (TextParseException e) {
            throw new DnsFailure(name + " is not a valid DNS name");
        } catch (IOException e) {
            throw new DnsFailure("the " + Type.string(type) + " query for " + name + " to " + description
                    + " failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            throw new DnsFailure(description + " answered " + Rcode.string(rcode) + " for the "
                    + Type.string(type) + " query of " + name);
        }
        List<String> values = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r instanceof TXTRecord txt && type == Type.TXT) {
                values.add(String.join("", txt.getStrings()));
            } else if (r instanceof ARecord a && type == Type.A) {
                values.add(a.getAddress().getHostAddress());
            } else if (r instanceof AAAARecord aaaa && type == Type.AAAA) {
                values.add(aaaa.getAddress().getHostAddress());
            }
        }
        return new Answer(Rcode.string(rcode), values);
    }
}
