package dev.vodcert.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a JSON tree as the gateway's XML (spec §7.2): each key becomes an element; a list, which
 * in JSON sits under its singular key inside its wrapper ({@code CertInfos.CertInfo[]}), becomes
 * one element per item named by that key inside the wrapper element. Characters XML 1.0 cannot
 * carry are dropped.
 */
final class XmlWriter {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private static final byte[] DECLARATION = utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    private XmlWriter() {
    }

    static byte[] write(String rootName, JsonNode root, String cdataKey) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try {
            bytes.writeBytes(DECLARATION);
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartElement(rootName);
            writeChildren(xml, root, cdataKey);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("XML rendering failed", e);
        }
        return bytes.toByteArray();
    }

    private static void writeChildren(XMLStreamWriter xml, JsonNode object, String cdataKey)
            throws XMLStreamException {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull() || value.isMissingNode()) {
                continue;
            }
            if (value.isArray()) {
                for (JsonNode item : value) {
                    writeElement(xml, field.getKey(), item, cdataKey);
                }
            } else {
                writeElement(xml, field.getKey(), value, cdataKey);
            }
        }
    }

    private static void writeElement(XMLStreamWriter xml, String name, JsonNode value, String cdataKey)
            throws XMLStreamException {
        xml.writeStartElement(name);
        if (value.isObject()) {
            writeChildren(xml, value, cdataKey);
        } else if (name.equals(cdataKey)) {
            xml.writeCData(clean(value.asText()).replace("]]>", "]]]]><![CDATA[>"));
        } else {
            xml.writeCharacters(clean(value.asText()));
        }
        xml.writeEndElement();
    }

    private static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            if (!allowed) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
