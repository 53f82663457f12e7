package dev.vodcert.feed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The files the sync keeps in its folder for one {@link Feed}: per domain, {@link CertFileName}
 * holding the chain and then the private key (one file that nginx's {@code ssl_certificate} and
 * {@code ssl_certificate_key} and HAProxy's {@code crt} all read); {@value #NGINX_MAP}, an nginx
 * {@code map} from {@code $ssl_server_name} to the file's stem in {@code $vodcert_certificate}, which
 * picks as the built-in edge does: the exact name first, then the nearest wildcard domain
 * ({@code *.example.com} as a regular expression for any name ending in {@code .example.com}, the
 * ones with more labels tried first), all without regard to case; anything else maps to an empty
 * stem, a file that does not exist, so nginx refuses the handshake; and {@value #HAPROXY_CRT_LIST},
 * an HAProxy crt-list with one line per domain, its file and its SNI filter ({@code *.example.com}
 * for a wildcard, which HAProxy matches for one label only).
 */
public final class EdgeFiles {
    public static final String NGINX_MAP = "nginx-map.conf";
    public static final String HAPROXY_CRT_LIST = "haproxy.crt-list";
    private static final String HEADER = "# Written by vodcert certs sync from the served certificates; do not edit.\n";
    private static final Pattern NO_SPACE = Pattern.compile("[^\\s#\"'\\\\]+");

    private EdgeFiles() {
    }

    /** File name to content (exact names, then wildcards, most labels first) for the folder {@code dir}. */
    public static Map<String, byte[]> of(Feed feed, Path dir) {
        String base = dir.toAbsolutePath().normalize().toString();
        if (!NO_SPACE.matcher(base).matches()) {
            throw new IllegalArgumentException("--out " + base + " holds a space, quote or #, which the nginx "
                    + "and HAProxy files cannot name");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder map = new StringBuilder(HEADER)
                .append("map $ssl_server_name $vodcert_certificate {\n    default \"\";\n");
        StringBuilder crtList = new StringBuilder(HEADER);
        List<FeedCertificate> wildcardsLast = new ArrayList<>(feed.certificates());
        wildcardsLast.sort(Comparator.comparing((FeedCertificate c) -> c.domain().startsWith("*."))
                .thenComparing(c -> -c.domain().chars().filter(ch -> ch == '.').count())
                .thenComparing(FeedCertificate::domain));
        for (FeedCertificate c : wildcardsLast) {
            String file = CertFileName.of(c.domain());
            files.put(file, (withNewline(c.chain()) + withNewline(c.key())).getBytes(StandardCharsets.US_ASCII));
            String stem = file.substring(0, file.length() - CertFileName.SUFFIX.length());
            map.append("    ").append(nginxSource(c.domain())).append(' ').append(stem).append(";\n");
            crtList.append(base).append('/').append(file).append(' ').append(c.domain()).append('\n');
        }
        map.append("}\n");
        files.put(NGINX_MAP, map.toString().getBytes(StandardCharsets.US_ASCII));
        files.put(HAPROXY_CRT_LIST, crtList.toString().getBytes(StandardCharsets.US_ASCII));
        return files;
    }

    private static String nginxSource(String domain) {
        if (!domain.startsWith("*.")) {
            return domain;
        }
        return "~*" + domain.substring(1).replace(".", "\\.") + "$";
    }

    private static String withNewline(String pem) {
        return pem.endsWith("\n") ? pem : pem + "\n";
    }
}
