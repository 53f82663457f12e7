package dev.vodcert.certificate;

import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Reads attribute values (CN, O) out of an X.500 name as plain text, in the name's DER order
 * (most general first, so the last CN is the most specific one). Values are the strings as
 * written, not RFC 4514 escaped.
 */
final class DistinguishedNames {
    private DistinguishedNames() {
    }

    static List<String> values(X500Principal principal, ASN1ObjectIdentifier type) {
        List<String> values = new ArrayList<>();
        for (RDN rdn : X500Name.getInstance(principal.getEncoded()).getRDNs(type)) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(type)) {
                    values.add(text(atv.getValue()));
                }
            }
        }
        return values;
    }

    /** The last value of the attribute, or "" when the name has none. */
    static String last(X500Principal principal, ASN1ObjectIdentifier type) {
        List<String> values = values(principal, type);
        return values.isEmpty() ? "" : values.get(values.size() - 1);
    }

    /**
     * Whether every attribute value of the name decodes as text. A UTF8String holding bytes that are
     * not UTF-8 (which only a broken or hostile issuer writes) makes BouncyCastle throw when the
     * value is read, so such names are refused when the certificate is parsed.
     */
    static boolean readable(X500Principal principal) {
        try {
            for (RDN rdn : X500Name.getInstance(principal.getEncoded()).getRDNs()) {
                for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                    text(atv.getValue());
                }
            }
            return true;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static String text(ASN1Encodable value) {
        return value instanceof ASN1String string ? string.getString() : IETFUtils.valueToString(value);
    }
}
