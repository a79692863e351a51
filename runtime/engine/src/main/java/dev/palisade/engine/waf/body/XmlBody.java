package dev.palisade.engine.waf.body;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The {@code XML} request body processor and the document the {@code XML} collection reads:
 *
 * <pre>SecRule XML:/* "@rx &lt;script" "id:1,phase:2,deny"
 * SecRule XML://@* "@rx javascript:" "id:2,phase:2,deny"</pre>
 *
 * <p>As libmodsecurity 3.0.9 ({@code variables/xml.cc}): an XPath selector yields, for each node it
 * selects, the node's text content ({@code xmlNodeGetContent}): for an element, all descendant text
 * and CDATA concatenated (comments and processing instructions left out), for an attribute its value.
 * So {@code XML:/*} is the root element's whole text, {@code XML://@*} every attribute value.
 * Namespace declarations are not attributes, there as here. Values are UTF-8 bytes as a byte string.
 *
 * <p>A document that is not well-formed is a request body error, "XML parsing error: XML: Failed
 * parsing document." (libxml2's own diagnostics are only in ModSecurity's debug log); so is an empty
 * body, which libxml2 reports as an empty document. The selectors still see what was read before the
 * error (libxml2 keeps its partial tree, and 3.0.9 evaluates on it): {@code <r>a<b x="1">c</r>} gives
 * {@code XML:/*} {@code "ac"} and {@code XML://@*} {@code "1"}. Where exactly each parser notices an
 * error can differ, so for broken documents the values are close to, not always equal to, 3.0.9's.
 *
 * <p>XXE-safe, unlike a default JDK parser: no external entity, DTD or schema is ever fetched
 * (SecXmlExternalEntity Off behaves so too); an internal DTD subset is read, as libxml2 reads it,
 * and its internal entities expand within the JDK's secure-processing limits. Size is bounded by
 * the caller's body limit. An instance belongs to one transaction; {@link #select} is safe to call
 * from several threads, though, because it locks the document (DOM is not thread-safe even to read).
 */
public final class XmlBody {

    static final String FAILED = "XML parsing error: XML: Failed parsing document.";

    private final Document document;

    private XmlBody(Document document) {
        this.document = document;
    }

    /**
     * Parses {@code body}. The result's {@link BodyParseResult#xmlDocument()} is set whenever parsing
     * got as far as creating a document, also when it then failed: like 3.0.9, selectors then see the
     * part of the document read before the error.
     */
    public static BodyParseResult parse(byte[] body) {
        Document document;
        boolean failed = false;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            XMLReader reader = newReader();
            XmlTreeBuilder builder = new XmlTreeBuilder(document);
            reader.setContentHandler(builder);
            reader.setErrorHandler(builder);
            reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            try {
                reader.parse(new InputSource(new ByteArrayInputStream(body)));
            } catch (SAXException | IOException e) {
                failed = true;
            }
        } catch (ParserConfigurationException | SAXException e) {
            return BodyParseResult.failed(BodyProcessors.XML, List.of(), FAILED);
        }
        return new BodyParseResult(BodyProcessors.XML, List.of(), List.of(), List.of(), java.util.Map.of(), false,
                failed, failed ? FAILED : "", new XmlBody(document));
    }

    /**
     * The values of {@code XML:<xpath>}: the text content of each node {@code xpath} selects, in
     * document order; a number, string or boolean result is one value, as libxml2 would cast it.
     *
     * @throws IllegalArgumentException when {@code xpath} is not a valid XPath 1.0 expression
     */
    public List<String> select(String xpath) {
        List<String> values = new ArrayList<>();
        synchronized (document) {
            try {
                NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                        .evaluate(xpath, document, XPathConstants.NODESET);
                for (int i = 0; i < nodes.getLength(); i++) {
                    Node node = nodes.item(i);
                    String text = node.getTextContent();
                    values.add(ByteString.ofUtf8(text == null ? "" : text));
                }
            } catch (XPathExpressionException e) {
                try {
                    String text = XPathFactory.newInstance().newXPath().evaluate(xpath, document);
                    values.add(ByteString.ofUtf8(text));
                } catch (XPathExpressionException invalid) {
                    throw new IllegalArgumentException("invalid XPath expression `" + xpath + "`", invalid);
                }
            }
        }
        return values;
    }

    private static XMLReader newReader() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return parser.getXMLReader();
    }
}
