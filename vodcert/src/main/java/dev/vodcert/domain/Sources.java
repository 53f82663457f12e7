package dev.vodcert.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.vodcert.api.VodErrors;
import dev.vodcert.protocol.ApiException;
import dev.vodcert.protocol.ErrorCode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code Sources} parameter of AddVodDomain and UpdateVodDomain: a JSON array of origins such as
 * {@code [{"content":"1.1.1.1","type":"ipaddr","priority":"20","port":80}]}, read with a streaming
 * parser bounded in size ({@value #MAX_INPUT_BYTES} bytes of UTF-8), nesting depth
 * ({@value #MAX_DEPTH}) and string length ({@value #MAX_STRING_LENGTH}), so hostile input fails fast
 * and never recurses.
 *
 * <p>Array-level faults are {@code InvalidSources.Malformed}: not JSON, not an array, empty, more
 * than {@value #MAX_ENTRIES} entries, an entry that is not an object, an unknown or repeated key
 * (keys are lower case: {@code content, type, priority, port, weight}), a value of the wrong JSON
 * kind for {@code weight}, and two entries with the same type, content and port. Within an entry,
 * {@code priority} may be a string or a number, {@code port} an integer or a string of digits
 * (default {@value Source#DEFAULT_PORT}), {@code weight} a string or an integer; a JSON
 * {@code null} counts as absent. Field rules and their codes are those of {@link Source}; messages
 * name the entry, counting from 1. {@code enabled} is output only: not accepted as a key, and
 * always {@code online} on a parsed entry.
 *
 * <p>{@link #toJson} writes the canonical stored form, which {@link #parse} reads back unchanged.
 */
public final class Sources {
    public static final int MAX_ENTRIES = 20;
    public static final int MAX_INPUT_BYTES = 16 * 1024;
    public static final int MAX_DEPTH = 8;
    public static final int MAX_STRING_LENGTH = 4096;
    private static final int MAX_PORT_DIGITS = 5;
    private static final Set<String> KEYS = Set.of("content", "type", "priority", "port", "weight");
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_STRING_LENGTH)
                    .maxNumberLength(64)
                    .build())
            .build();

    private Sources() {
    }

    /** The origins in {@code json}; see the type description for the rules. */
    public static List<Source> parse(String json) {
        if (json == null || json.isEmpty()) {
            throw malformed("it is empty; give a JSON array of source objects");
        }
        if (json.length() > MAX_INPUT_BYTES || utf8Length(json) > MAX_INPUT_BYTES) {
            throw malformed("it is longer than " + MAX_INPUT_BYTES + " bytes");
        }
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw malformed("it must be a JSON array of source objects");
            }
            List<Source> out = new ArrayList<>();
            Set<List<Object>> seen = new HashSet<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                int n = out.size() + 1;
                if (t == null) {
                    throw malformed("it is not valid JSON");
                }
                if (n > MAX_ENTRIES) {
                    throw malformed("it has more than " + MAX_ENTRIES + " entries");
                }
                if (t != JsonToken.START_OBJECT) {
                    throw malformed("entry " + n + " is not a JSON object");
                }
                Source s = entry(p, n);
                if (!seen.add(List.of(s.type(), s.content(), s.port()))) {
                    throw malformed("entry " + n + " repeats the type, content and port of an earlier entry");
                }
                out.add(s);
            }
            if (p.nextToken() != null) {
                throw malformed("there is more text after the array");
            }
            if (out.isEmpty()) {
                throw malformed("the array is empty");
            }
            return List.copyOf(out);
        } catch (StreamConstraintsException e) {
            throw malformed("it exceeds the parser's limits (nesting depth " + MAX_DEPTH
                    + ", string length " + MAX_STRING_LENGTH + ")");
        } catch (IOException e) {
            throw malformed("it is not valid JSON");
        }
    }

    /** The canonical stored form: keys {@code content, type, priority, port}, then {@code weight} when set. */
    public static String toJson(List<Source> sources) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartArray();
            for (Source s : sources) {
                g.writeStartObject();
                g.writeStringField("content", s.content());
                g.writeStringField("type", s.type());
                g.writeStringField("priority", s.priority());
                g.writeNumberField("port", s.port());
                if (s.weight() != null) {
                    g.writeStringField("weight", s.weight());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** One object, the parser standing on its START_OBJECT; scalars collected, then checked in a fixed order. */
    private static Source entry(JsonParser p, int n) throws IOException {
        Map<String, JsonToken> kinds = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                throw malformed("entry " + n + " is not valid JSON");
            }
            String key = p.currentName();
            if (!KEYS.contains(key)) {
                throw malformed("entry " + n + " has the unknown key \"" + Echo.of(key)
                        + "\" (keys are content, type, priority, port, weight)");
            }
            if (kinds.containsKey(key)) {
                throw malformed("entry " + n + " has the key \"" + key + "\" twice");
            }
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (v != JsonToken.VALUE_NULL) {
                texts.put(key, p.getText());
            }
            kinds.put(key, v == JsonToken.VALUE_NULL ? null : v);
        }
        try {
            String type = string(kinds.get("type"), texts.get("type"), VodErrors.INVALID_SOURCE_TYPE_MALFORMED, "type");
            String content = string(kinds.get("content"), texts.get("content"),
                    VodErrors.INVALID_SOURCE_CONTENT_MALFORMED, "content");
            String priority = stringOrInteger(kinds.get("priority"), texts.get("priority"),
                    VodErrors.INVALID_SOURCE_PRIORITY_MALFORMED, "priority");
            int port = port(kinds.get("port"), texts.get("port"));
            String weight = stringOrInteger(kinds.get("weight"), texts.get("weight"),
                    VodErrors.INVALID_SOURCES_MALFORMED, "weight");
            return new Source(type, content, priority, port, weight, Source.ENABLED_ONLINE);
        } catch (ApiException e) {
            throw new ApiException(e.errorCode(), "Sources entry " + n + ": " + e.getMessage());
        }
    }

    private static String string(JsonToken kind, String text, ErrorCode code, String key) {
        if (kind != null && kind != JsonToken.VALUE_STRING) {
            throw code.exception("Source " + key + " must be a JSON string.");
        }
        return text;
    }

    private static String stringOrInteger(JsonToken kind, String text, ErrorCode code, String key) {
        if (kind != null && kind != JsonToken.VALUE_STRING && kind != JsonToken.VALUE_NUMBER_INT) {
            throw code.exception("Source " + key + " must be a JSON string or integer.");
        }
        return text;
    }

    private static int port(JsonToken kind, String text) {
        if (kind == null) {
            return Source.DEFAULT_PORT;
        }
        boolean digits = (kind == JsonToken.VALUE_NUMBER_INT || kind == JsonToken.VALUE_STRING)
                && !text.isEmpty() && text.length() <= MAX_PORT_DIGITS
                && text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits) {
            throw VodErrors.INVALID_SOURCE_PORT_MALFORMED.exception("Source port \"" + Echo.of(text)
                    + "\" is malformed: it must be an integer from 1 to 65535.");
        }
        return Integer.parseInt(text);
    }

    private static ApiException malformed(String why) {
        return VodErrors.INVALID_SOURCES_MALFORMED.exception("The specified Sources is invalid: " + why + ".");
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
