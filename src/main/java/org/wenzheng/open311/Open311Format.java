package org.wenzheng.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.Collection;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;

/**
 * The two formats of GeoReport v2. XML is the required one: a UTF-8 declaration, a root element, one child element
 * per item and per field (empty when the field has no value). JSON carries the same items as a bare array (an object
 * for discovery). Items are ordered maps; a collection inside an item becomes a wrapper element whose children are
 * named by {@link #CHILD}.
 */
enum Open311Format {
  XML(MediaType.parseMediaType("text/xml;charset=UTF-8")),
  JSON(MediaType.parseMediaType("application/json;charset=UTF-8"));

  /** The element name of each entry of a list-valued field. */
  private static final Map<String, String> CHILD = Map.of("attributes", "attribute", "values", "value",
      "endpoints", "endpoint", "formats", "format");

  final MediaType mediaType;

  Open311Format(MediaType mediaType) {
    this.mediaType = mediaType;
  }

  static Open311Format of(String extension) {
    return switch (extension) {
      case "xml" -> XML;
      case "json" -> JSON;
      default -> null;
    };
  }

  /** A list of items: {@code <root><item>...</item>...</root>}, or a JSON array. */
  String list(String root, String item, Collection<Map<String, Object>> items, ObjectMapper json) {
    if (this == JSON) {
      return write(json, items);
    }
    return xml(w -> {
      w.writeStartElement(root);
      for (Map<String, Object> i : items) {
        element(w, item, i);
      }
      w.writeEndElement();
    });
  }

  /** A single object: {@code <root>...</root>}, or a JSON object. */
  String object(String root, Map<String, Object> fields, ObjectMapper json) {
    if (this == JSON) {
      return write(json, fields);
    }
    return xml(w -> element(w, root, fields));
  }

  private interface XmlBody {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private static String xml(XmlBody body) {
    StringWriter out = new StringWriter();
    try {
      // The JDK's own writer, whatever StAX library is on the class path: its declaration is the spec's example.
      XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      body.write(w);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
    w.writeStartElement(name);
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        element(w, String.valueOf(e.getKey()), e.getValue());
      }
    } else if (value instanceof Collection<?> list) {
      String child = CHILD.getOrDefault(name, "item");
      for (Object entry : list) {
        element(w, child, entry);
      }
    } else if (value != null) {
      w.writeCharacters(String.valueOf(value));
    }
    w.writeEndElement();
  }

  private static String write(ObjectMapper json, Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
