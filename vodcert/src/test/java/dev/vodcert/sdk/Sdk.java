package dev.vodcert.sdk;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** What the SDK tests share: the origin list, unique names, and the expected wire forms, computed here. */
final class Sdk {
    /** The documented {@code Sources} example (spec §9.5). */
    static final String SOURCES = "[{\"content\":\"1.1.1.1\",\"type\":\"ipaddr\",\"priority\":\"20\",\"port\":80}]";
    /** A RequestId as the real service writes it: an upper-case UUID. */
    static final String REQUEST_ID = "[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}";
    /** The wire's time format, {@code yyyy-MM-ddTHH:mm:ssZ}. */
    static final String WIRE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
    /** The shared test CA's O ({@link dev.vodcert.testing.TestCertificates#CA_NAME}). */
    static final String TEST_CA_ORG = "vodcert Test Org";
    static final String NOT_FOUND_MESSAGE = "The domain does not exist, or it does not belong to you.";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Sdk() {
    }

    /** A domain name no other test uses, e.g. {@code info-7.sdk-example.com}. */
    static String domain(String label) {
        return label + "-" + COUNTER.incrementAndGet() + ".sdk-example.com";
    }

    /** A certificate time as the wire writes it, e.g. {@code 2018-06-03T13:03:39Z}. */
    static String wireTime(Date date) {
        return TIME.format(date.toInstant());
    }

    /** Every certificate of a PEM text, in order. */
    static List<X509Certificate> certificates(String pem) {
        try {
            var factory = CertificateFactory.getInstance("X.509");
            return factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new AssertionError("not a PEM certificate list: " + pem, e);
        }
    }
}
