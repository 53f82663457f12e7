package dev.vodcert.emulation;

import dev.vodcert.issuance.CnameCheck;
import java.net.IDN;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CNAME check answered from a table instead of a resolver ({@code serve --dns emulated}). For
 * each name the table holds what a resolver would say: a CNAME to a target, {@code SERVFAIL} or
 * {@code NXDOMAIN}. A name without an entry has no CNAME record, unless "everything points" is on:
 * then it is a CNAME to its assigned {@code Cname}. An entry wins over "everything points", so one
 * domain can be made to fail while all others pass. Chains are followed as a resolver would (at most
 * {@value #MAX_CHAIN} hops) and end as {@link dev.vodcert.issuance.DnsCnameCheck} ends them:
 * NXDOMAIN or a chain ending elsewhere is a mismatch ({@code cname_error}), SERVFAIL is a DNS failure
 * (the status stays, the check is retried). Names are compared in ASCII form without case or
 * trailing dot. Thread-safe.
 */
public final class EmulatedDns implements CnameCheck {
    /** How the reports name the resolver that answered. */
    public static final String RESOLVER = "emulated";
    private static final int MAX_CHAIN = 8;

    /** One entry of the table. */
    public sealed interface Answer {
        /** As a zone file or {@code dig} would show it, e.g. {@code CNAME target} or {@code SERVFAIL}. */
        String text();

        /** The name is a CNAME to {@code target}. */
        record Cname(String target) implements Answer {
            @Override
            public String text() {
                return "CNAME " + target;
            }
        }

        /** The resolver fails (the check is retried; the status does not change). */
        record ServFail() implements Answer {
            @Override
            public String text() {
                return "SERVFAIL";
            }
        }

        /** The name does not exist. */
        record NxDomain() implements Answer {
            @Override
            public String text() {
                return "NXDOMAIN";
            }
        }
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private volatile boolean everythingPoints;

    /** {@code name} is a CNAME to {@code target} (both Unicode or ASCII; a trailing dot is ignored). */
    public void setCname(String name, String target) {
        answers.put(ascii(name), new Answer.Cname(ascii(target)));
    }

    /** Queries for {@code name} answer SERVFAIL. */
    public void setServfail(String name) {
        answers.put(ascii(name), new Answer.ServFail());
    }

    /** Queries for {@code name} answer NXDOMAIN. */
    public void setNxdomain(String name) {
        answers.put(ascii(name), new Answer.NxDomain());
    }

    /** Removes {@code name}'s entry. */
    public void clear(String name) {
        answers.remove(ascii(name));
    }

    /** With {@code on}, every name without an entry is a CNAME to its assigned {@code Cname}. */
    public void everythingPoints(boolean on) {
        everythingPoints = on;
    }

    public boolean everythingPoints() {
        return everythingPoints;
    }

    /** A copy of the table, names in ASCII form. */
    public Map<String, Answer> answers() {
        return Map.copyOf(answers);
    }

    @Override
    public Result check(String asciiDomainName, String expectedCname) {
        String expected = ascii(expectedCname);
        String current = ascii(asciiDomainName);
        String first = "";
        Set<String> seen = new HashSet<>();
        for (int hop = 0; hop < MAX_CHAIN && seen.add(current); hop++) {
            Answer answer = answers.get(current);
            if (answer == null && hop == 0 && everythingPoints) {
                answer = new Answer.Cname(expected);
            }
            if (answer == null) {
                break;
            }
            if (answer instanceof Answer.ServFail) {
                return new Result(Outcome.DNS_FAILURE, first, RESOLVER, "DNS query for " + current + " answered SERVFAIL");
            }
            if (answer instanceof Answer.NxDomain) {
                return new Result(Outcome.MISMATCH, first, RESOLVER, current + " does not exist (NXDOMAIN); "
                        + asciiDomainName + " must be a CNAME to " + expected);
            }
            String next = ((Answer.Cname) answer).target();
            if (first.isEmpty()) {
                first = next;
            }
            if (next.equals(expected)) {
                return new Result(Outcome.OK, first, RESOLVER, "");
            }
            current = next;
        }
        return CnameCheck.endedElsewhere(asciiDomainName, first, current, expected, RESOLVER);
    }

    /**
     * A name's ASCII form, lower case, without a trailing dot.
     *
     * @throws IllegalArgumentException when it is not a domain name
     */
    static String ascii(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a domain name is needed");
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        String bare = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        try {
            return IDN.toASCII(bare, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a domain name");
        }
    }
}
