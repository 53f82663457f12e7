package dev.vodcert.certificate;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How deeply a DER/BER structure nests, measured in one pass without recursion, so that an "ASN.1
 * bomb" (thousands of nested SEQUENCEs in a few kilobytes, which BouncyCastle's recursive parser
 * answers with a {@link StackOverflowError}) is refused before anything parses it. OCTET and BIT
 * STRINGs whose content is itself DER, as certificate extensions are, are measured too, because
 * their content is parsed later, on demand. Content that is not well-formed is not judged here;
 * the parsers refuse it in their own words.
 */
final class Asn1Depth {
    /** The deepest nesting accepted; real certificates and keys stay near 10. */
    static final int MAX = 32;
    private static final int BIT_STRING = 0x03;
    private static final int OCTET_STRING = 0x04;

    private Asn1Depth() {
    }

    /** A container being read: where it ends, how deep it is, whether it is a string read as DER on trial. */
    private record Frame(int end, int depth, boolean trial) {
    }

    /** Whether nothing in {@code der} nests deeper than {@code max} levels. */
    static boolean within(byte[] der, int max) {
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(new Frame(der.length, 0, false));
        int pos = 0;
        while (!frames.isEmpty()) {
            Frame frame = frames.peek();
            if (pos >= frame.end()) {
                frames.pop();
                continue;
            }
            int tag = der[pos++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                for (int i = 0; i < 4 && pos < frame.end() && (der[pos++] & 0x80) != 0; i++) {
                    // continuation bytes of a high tag number
                }
            }
            long length = pos < frame.end() ? length(der, pos, frame.end()) : -1;
            if (length < 0) {
                Frame trial = dropTrial(frames);
                if (trial == null) {
                    return true;
                }
                pos = trial.end();
                continue;
            }
            boolean indefinite = (der[pos] & 0xFF) == 0x80;
            pos += headerBytes(der[pos]);
            int contentEnd = indefinite ? frame.end() : (int) (pos + length);
            boolean constructed = (tag & 0x20) != 0;
            boolean string = tag == OCTET_STRING || tag == BIT_STRING;
            if (constructed || (string && length > 2)) {
                if (frame.depth() + 1 > max) {
                    return false;
                }
                frames.push(new Frame(contentEnd, frame.depth() + 1, !constructed));
                if (tag == BIT_STRING && !constructed) {
                    pos++;
                }
            } else {
                pos = contentEnd;
            }
        }
        return true;
    }

    /** The content length of the header at {@code pos} (to the frame's end when indefinite), or -1 when it does not fit. */
    private static long length(byte[] der, int pos, int end) {
        int first = der[pos] & 0xFF;
        if (first < 0x80) {
            return pos + 1 + first <= end ? first : -1;
        }
        if (first == 0x80) {
            return end - pos - 1;
        }
        int n = first & 0x7F;
        if (n > 4 || pos + 1 + n > end) {
            return -1;
        }
        long length = 0;
        for (int i = 1; i <= n; i++) {
            length = (length << 8) | (der[pos + i] & 0xFF);
        }
        return pos + 1 + n + length <= end ? length : -1;
    }

    private static int headerBytes(byte first) {
        int b = first & 0xFF;
        return b <= 0x80 ? 1 : 1 + (b & 0x7F);
    }

    /** Drops frames up to and including the innermost trial string and returns it; null when there is none. */
    private static Frame dropTrial(Deque<Frame> frames) {
        if (frames.stream().noneMatch(Frame::trial)) {
            return null;
        }
        Frame popped;
        do {
            popped = frames.pop();
        } while (!popped.trial());
        return popped;
    }
}
