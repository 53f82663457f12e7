package dev.vodcert.certificate;

import dev.vodcert.protocol.ErrorCode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Splits a PEM text into its blocks, with the input limits that keep a PEM bomb out (size, number
 * of blocks, and nesting depth of each block's ASN.1, see {@link Asn1Depth}), and writes
 * blocks back as normalised PEM (64-column base64, LF line ends). Knows nothing of what a block
 * means; {@link PemParser} and {@link PrivateKeyReader} do. Every refusal names the request field
 * and says what is wrong in its own words.
 */
final class PemBlocks {
    private static final Pattern PLAIN_TYPE = Pattern.compile("[A-Z0-9 ]{1,40}");
    private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private PemBlocks() {
    }

    /**
     * Reads every PEM block of {@code text}. Text outside the blocks (bag attributes, comments)
     * is ignored; CRLF, surrounding whitespace, indented lines and a byte-order mark are accepted.
     *
     * @param field the request field, used in messages (SSLPub, SSLPri)
     * @param maxBlocks more blocks than this are refused, calling them {@code blockNoun}
     * @param error the error to throw for anything unreadable or too large
     */
    static List<PemObject> read(String text, String field, int maxBytes, int maxBlocks, String blockNoun,
            ErrorCode error) {
        if (text == null || text.isBlank()) {
            throw error.exception(field + " is empty");
        }
        if (text.length() > maxBytes || text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw error.exception(field + " is larger than " + maxBytes / 1024 + " KiB");
        }
        PemReader reader = new PemReader(new StringReader(normalise(text)));
        List<PemObject> blocks = new ArrayList<>();
        for (PemObject block = next(reader, field, error); block != null; block = next(reader, field, error)) {
            if (blocks.size() == maxBlocks) {
                throw error.exception(field + " holds more than " + maxBlocks + " " + blockNoun);
            }
            if (!Asn1Depth.within(block.getContent(), Asn1Depth.MAX)) {
                throw error.exception(field + " holds an ASN.1 structure nested more than " + Asn1Depth.MAX
                        + " levels deep");
            }
            blocks.add(block);
        }
        return blocks;
    }

    private static PemObject next(PemReader reader, String field, ErrorCode error) {
        try {
            return reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw error.exception(field + " is not well-formed PEM: a block is truncated,"
                    + " lacks its END line, or its body is not base64");
        }
    }

    /** The block's type quoted for a message, e.g. {@code 'PRIVATE KEY'}; {@code '?'} when it is not plain text. */
    static String displayType(PemObject block) {
        String type = block.getType();
        return type != null && PLAIN_TYPE.matcher(type).matches() ? "'" + type + "'" : "'?'";
    }

    /** One PEM block: BEGIN line, base64 body in 64 columns, END line, each ended by LF. */
    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + MIME.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String normalise(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        StringBuilder out = new StringBuilder(body.length());
        for (String line : body.split("\r\n|\r|\n")) {
            out.append(line.strip()).append('\n');
        }
        return out.toString();
    }
}
