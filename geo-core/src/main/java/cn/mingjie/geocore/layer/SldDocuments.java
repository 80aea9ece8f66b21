package cn.mingjie.geocore.layer;

import cn.mingjie.geocore.edit.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Styled Layer Descriptor 1.0 documents: parsed without DTDs or external entities (XXE, as in
 * CVE-2025-58360), validated against the OGC SLD 1.0.0 schema (from the ogc-schemas and w3c-schemas
 * jars on Maven Central, resolved from the classpath, never from the network), checked for remote
 * references, and translated to Leaflet path options.
 */
public final class SldDocuments {

    public static final String SLD = "http://www.opengis.net/sld";
    public static final String OGC = "http://www.opengis.net/ogc";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    /** The schemas' absolute locations and where the jars keep copies. */
    private static final Map<String, String> OFFLINE_SCHEMAS = Map.of(
            "http://schemas.opengis.net/", "ogc/",
            "http://www.w3.org/1999/", "w3c/1999/",
            "http://www.w3.org/2001/", "w3c/2001/");

    private static final int MAX_LENGTH = 512 * 1024;
    private static volatile Schema schema;

    private SldDocuments() {}

    /** Parses SLD text; a DOCTYPE, an entity or malformed XML is a validation error of field "sld". */
    public static Document parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw ValidationException.of("sld", "error.sld.empty");
        }
        if (xml.length() > MAX_LENGTH) {
            throw ValidationException.of("sld", "error.sld.too-large", MAX_LENGTH / 1024);
        }
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE") || message.contains("ENTITY") || message.contains("entity")) {
                throw ValidationException.of("sld", "error.sld.doctype");
            }
            throw ValidationException.of("sld", "error.sld.malformed", message);
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Validates against the OGC SLD 1.0.0 schema. */
    public static void validate(Document document) {
        try {
            Validator validator = schema().newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(document));
        } catch (SAXException e) {
            throw ValidationException.of("sld", "error.sld.schema", e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Refuses any xlink:href (OnlineResource, ExternalGraphic, remote styles): a style that makes the
     * map server fetch a URL is a server-side request forgery waiting to happen.
     */
    public static void rejectRemoteReferences(Document document) {
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttributeNS(XLINK, "href")) {
                throw ValidationException.of("sld", "error.sld.remote", e.getAttributeNS(XLINK, "href"));
            }
        }
    }

    /** Filter Encoding 1.0 comparisons the map evaluates, by element name. */
    private static final Map<String, String> COMPARISONS = Map.of(
            "PropertyIsEqualTo", "=",
            "PropertyIsNotEqualTo", "<>",
            "PropertyIsLessThan", "<",
            "PropertyIsLessThanOrEqualTo", "<=",
            "PropertyIsGreaterThan", ">",
            "PropertyIsGreaterThanOrEqualTo", ">=",
            "PropertyIsNull", "null");

    private static final Map<String, String> LOGICAL = Map.of("And", "and", "Or", "or", "Not", "not");

    /**
     * Every rule of every FeatureTypeStyle, in document order, with its filter, scale range and
     * symbolizers as Leaflet path options. A filter the map cannot evaluate is a validation error.
     */
    public static List<StyleRule> toRules(Document document) {
        NodeList rules = document.getDocumentElement().getElementsByTagNameNS(SLD, "Rule");
        if (rules.getLength() == 0) {
            throw ValidationException.of("sld", "error.sld.no-rule");
        }
        List<StyleRule> result = new ArrayList<>();
        for (int i = 0; i < rules.getLength(); i++) {
            Element rule = (Element) rules.item(i);
            result.add(new StyleRule(
                    text(child(rule, SLD, "Name")),
                    text(child(rule, SLD, "Title")),
                    filter(rule),
                    number(text(child(rule, SLD, "MinScaleDenominator"))),
                    number(text(child(rule, SLD, "MaxScaleDenominator"))),
                    toLeaflet(rule)));
        }
        return List.copyOf(result);
    }

    private static RuleFilter filter(Element rule) {
        if (child(rule, SLD, "ElseFilter") != null) {
            return RuleFilter.ELSE;
        }
        Element filter = child(rule, OGC, "Filter");
        if (filter == null) {
            return null;
        }
        List<Element> operands = children(filter);
        if (operands.size() != 1) {
            throw ValidationException.of("sld", "error.sld.filter", "Filter");
        }
        return predicate(operands.get(0));
    }

    private static RuleFilter predicate(Element e) {
        String name = e.getLocalName();
        if (OGC.equals(e.getNamespaceURI()) && COMPARISONS.containsKey(name)) {
            Element property = child(e, OGC, "PropertyName");
            Element literal = child(e, OGC, "Literal");
            boolean isNull = name.equals("PropertyIsNull");
            if (property == null || (literal == null) != isNull || children(e).size() != (isNull ? 1 : 2)) {
                throw ValidationException.of("sld", "error.sld.filter", name);
            }
            return RuleFilter.compare(COMPARISONS.get(name), text(property), isNull ? null : literal.getTextContent());
        }
        if (OGC.equals(e.getNamespaceURI()) && LOGICAL.containsKey(name)) {
            List<RuleFilter> operands =
                    children(e).stream().map(SldDocuments::predicate).toList();
            if (operands.isEmpty() || (name.equals("Not") && operands.size() != 1)) {
                throw ValidationException.of("sld", "error.sld.filter", name);
            }
            return RuleFilter.combine(LOGICAL.get(name), operands);
        }
        throw ValidationException.of("sld", "error.sld.filter", name);
    }

    /** One rule's symbolizers as Leaflet path options (and label, and point radius). */
    static LeafletStyle toLeaflet(Element rule) {
        Element polygon = first(rule, SLD, "PolygonSymbolizer");
        Element line = first(rule, SLD, "LineSymbolizer");
        Element point = first(rule, SLD, "PointSymbolizer");
        Element text = first(rule, SLD, "TextSymbolizer");
        Element stroke = null;
        Element fill = null;
        Double radius = null;
        if (polygon != null) {
            stroke = first(polygon, SLD, "Stroke");
            fill = first(polygon, SLD, "Fill");
        } else if (line != null) {
            stroke = first(line, SLD, "Stroke");
        } else if (point != null) {
            Element mark = first(point, SLD, "Mark");
            if (mark != null) {
                stroke = first(mark, SLD, "Stroke");
                fill = first(mark, SLD, "Fill");
            }
            Element size = first(point, SLD, "Size");
            radius = size == null
                    ? 4.0
                    : Double.parseDouble(size.getTextContent().strip()) / 2;
        }
        LeafletStyle.Label label = null;
        if (text != null) {
            Element property = first(first(text, SLD, "Label"), OGC, "PropertyName");
            Element font = first(text, SLD, "Font");
            label = new LeafletStyle.Label(
                    property == null ? null : property.getTextContent().strip(),
                    css(font, "font-family"),
                    number(css(font, "font-size")),
                    css(child(text, SLD, "Fill"), "fill"));
        }
        return new LeafletStyle(
                stroke == null ? null : orDefault(css(stroke, "stroke"), "#000000"),
                stroke == null ? null : orDefault(number(css(stroke, "stroke-width")), 1.0),
                stroke == null ? null : orDefault(number(css(stroke, "stroke-opacity")), 1.0),
                stroke == null ? null : css(stroke, "stroke-dasharray"),
                fill != null || stroke == null,
                fill == null ? null : orDefault(css(fill, "fill"), "#808080"),
                fill == null ? 0.0 : orDefault(number(css(fill, "fill-opacity")), 1.0),
                radius,
                label);
    }

    private static String css(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        NodeList params = parent.getElementsByTagNameNS(SLD, "CssParameter");
        for (int i = 0; i < params.getLength(); i++) {
            Element p = (Element) params.item(i);
            if (p.getParentNode() == parent && name.equals(p.getAttribute("name"))) {
                return p.getTextContent().strip();
            }
        }
        return null;
    }

    private static Element first(Element parent, String ns, String name) {
        if (parent == null) {
            return null;
        }
        NodeList list = parent.getElementsByTagNameNS(ns, name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static Element child(Element parent, String ns, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }

    private static Double number(String text) {
        return text == null ? null : Double.valueOf(text);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // The OWASP settings: no DOCTYPE at all, hence no entities, no external anything.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    private static Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (SldDocuments.class) {
                if (schema == null) {
                    schema = loadSchema();
                }
                s = schema;
            }
        }
        return s;
    }

    private static Schema loadSchema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            DOMImplementationLS ls = (DOMImplementationLS)
                    DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                String absolute = absolute(systemId, baseUri);
                LSInput input = ls.createLSInput();
                input.setSystemId(absolute);
                input.setByteStream(offline(absolute));
                return input;
            });
            URL main = resource("ogc/sld/1.0.0/StyledLayerDescriptor.xsd");
            try (InputStream in = main.openStream()) {
                return factory.newSchema(new javax.xml.transform.stream.StreamSource(
                        in, "http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd"));
            }
        } catch (ReflectiveOperationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot load the SLD 1.0.0 schema from the classpath", e);
        }
    }

    private static String absolute(String systemId, String baseUri) {
        if (systemId.startsWith("http://") || baseUri == null) {
            return systemId;
        }
        return java.net.URI.create(baseUri).resolve(systemId).toString();
    }

    /** Never the network: an unknown schema location fails loudly. */
    private static InputStream offline(String absolute) {
        for (Map.Entry<String, String> e : OFFLINE_SCHEMAS.entrySet()) {
            if (absolute.startsWith(e.getKey())) {
                try {
                    return resource(e.getValue() + absolute.substring(e.getKey().length()))
                            .openStream();
                } catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        throw new IllegalStateException("schema not available offline: " + absolute);
    }

    private static URL resource(String path) {
        URL url = SldDocuments.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("schema missing from the classpath: " + path);
        }
        return url;
    }
}
