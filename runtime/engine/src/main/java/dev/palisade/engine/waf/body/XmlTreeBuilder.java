package dev.palisade.engine.waf.body;

import java.util.ArrayDeque;
import java.util.Deque;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds a DOM tree from SAX events, so that a document that turns out not to be well-formed still
 * leaves the part read before the error, as libxml2's push parser leaves {@code ctxt->myDoc} and
 * libmodsecurity 3.0.9 then evaluates {@code XML:} selectors on it. Only what the selectors can see is
 * kept: elements, attributes (namespace declarations are not attributes) and text; comments and
 * processing instructions are left out, as text content leaves them out anyway.
 */
final class XmlTreeBuilder extends DefaultHandler {

    private final Document document;
    private final Deque<Node> open = new ArrayDeque<>();

    XmlTreeBuilder(Document document) {
        this.document = document;
        open.push(document);
    }

    @Override
    public void startElement(String uri, String localName, String qualifiedName, Attributes attributes) {
        Element element = document.createElementNS(uri.isEmpty() ? null : uri, qualifiedName);
        for (int i = 0; i < attributes.getLength(); i++) {
            String attributeUri = attributes.getURI(i);
            element.setAttributeNS(attributeUri.isEmpty() ? null : attributeUri, attributes.getQName(i),
                    attributes.getValue(i));
        }
        open.peek().appendChild(element);
        open.push(element);
    }

    @Override
    public void endElement(String uri, String localName, String qualifiedName) {
        open.pop();
    }

    @Override
    public void characters(char[] text, int start, int length) {
        Node parent = open.peek();
        // Text outside the root element cannot occur in a well-formed prefix of a document.
        if (parent != document) {
            parent.appendChild(document.createTextNode(new String(text, start, length)));
        }
    }

    @Override
    public void ignorableWhitespace(char[] text, int start, int length) {
        characters(text, start, length);
    }

    @Override
    public void error(SAXParseException e) {
        // Validity errors: libxml2 does not validate either, and they do not fail a document there.
    }
}
