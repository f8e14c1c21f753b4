package org.backendregistry.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The DS component description bnd generated for a class ({@code OSGI-INF/<class>.xml} in the build
 * output), read so that tests can check the service properties a framework will see.
 */
public final class ComponentDescription {

    private final Map<String, Element> properties = new HashMap<>();
    private final String provides;

    private ComponentDescription(Element root) {
        NodeList nodes = root.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            properties.put(property.getAttribute("name"), property);
        }
        NodeList provide = root.getElementsByTagName("provide");
        this.provides = provide.getLength() == 1 ? ((Element) provide.item(0)).getAttribute("interface") : null;
    }

    /** @return the description of {@code type}, or empty when bnd generated none for it */
    public static Optional<ComponentDescription> of(Class<?> type) throws IOException {
        try (InputStream xml = type.getClassLoader().getResourceAsStream("OSGI-INF/" + type.getName() + ".xml")) {
            if (xml == null) {
                return Optional.empty();
            }
            return Optional.of(new ComponentDescription(
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml).getDocumentElement()));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable component description of " + type.getName(), e);
        }
    }

    /** @return the property's value, if declared */
    public Optional<String> value(String name) {
        return Optional.ofNullable(properties.get(name)).map(p -> p.getAttribute("value"));
    }

    /** @return the property's declared type; DS reads a missing type as String */
    public Optional<String> type(String name) {
        return Optional.ofNullable(properties.get(name))
                .map(p -> p.getAttribute("type").isEmpty() ? "String" : p.getAttribute("type"));
    }

    /** @return the one service interface the component provides */
    public String provides() {
        return provides;
    }
}
