package dev.cloudjar.protocol.xml;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses request bodies with DTDs and external entities switched off, so a hostile body can neither
 * read files nor expand entities. Bodies are small (configuration documents), so a tree is fine.
 */
public final class SafeXml {
    private static final XMLInputFactory FACTORY = createFactory();
    private static final int MAX_DEPTH = 64;

    /** Thrown for anything that is not well-formed XML; services map it to their MalformedXML error. */
    public static final class MalformedXmlException extends RuntimeException {
        public MalformedXmlException(String message) {
            super(message, null, false, false);
        }
    }

    private SafeXml() {
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // malformed input is the caller's MalformedXML answer, not a "[Fatal Error]" line on stderr
        factory.setXMLReporter((message, errorType, related, location) -> { });
        return factory;
    }

    public static XmlNode parse(byte[] body) {
        return parse(new ByteArrayInputStream(body));
    }

    /**
     * Parses a UTF-8 document (what every AWS client sends). The bytes are decoded here, strictly,
     * because the JDK's parser prints "[Fatal Error]" to stderr for a bad byte sequence.
     */
    public static XmlNode parse(InputStream body) {
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body.readAllBytes())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MalformedXmlException("not UTF-8");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new java.io.StringReader(text));
            Deque<XmlNode> stack = new ArrayDeque<>();
            XmlNode root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        XmlNode node = new XmlNode(reader.getLocalName());
                        if (stack.isEmpty()) {
                            if (root != null) {
                                throw new MalformedXmlException("more than one root element");
                            }
                            root = node;
                        } else {
                            stack.peek().add(node);
                        }
                        stack.push(node);
                        if (stack.size() > MAX_DEPTH) {
                            throw new MalformedXmlException("document nested too deeply");
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> stack.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            stack.peek().appendText(reader.getText());
                        }
                    }
                    case XMLStreamConstants.DTD -> throw new MalformedXmlException("DTDs are not allowed");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new MalformedXmlException("entity references are not allowed");
                    default -> {
                        // comments, processing instructions: ignored
                    }
                }
            }
            if (root == null) {
                throw new MalformedXmlException("no root element");
            }
            return root;
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof MalformedXmlException m) {
                throw m;
            }
            throw new MalformedXmlException(String.valueOf(e.getMessage()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }
}
