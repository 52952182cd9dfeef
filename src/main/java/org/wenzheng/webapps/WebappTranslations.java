package org.wenzheng.webapps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda's webapps in Chinese: {@code /camunda/app/{app}/locales/zh.json} for Tasklist, Cockpit, Admin and Welcome, the
 * language each app's {@code scripts/config.js} offers every user.
 *
 * <p>Tasklist's, Admin's and Welcome's are the community translation (npm package
 * {@code camunda-webapp-translations}, zh-Hans, fetched at build time) for 7.15, with the keys 7.24 added and our
 * wording ({@code webapp-translations/{app}.json}: a list of replacements applied to every text first, then labels
 * that are added or replace the community's). Cockpit has no community translation: its texts are all ours.
 * {@code WebappTranslationsTest} fails when 7.24 has a key that is missing.
 */
@RestController
class WebappTranslations {

  /** The apps served in Chinese. */
  static final List<String> APPS = List.of("tasklist", "admin", "welcome", "cockpit");

  /** The apps with a community translation to start from; the others' texts are all ours. */
  private static final List<String> COMMUNITY = List.of("tasklist", "admin", "welcome");

  private final Map<String, byte[]> files = new LinkedHashMap<>();

  WebappTranslations(ObjectMapper json) {
    for (String app : APPS) {
      try {
        files.put(app, json.writeValueAsBytes(merged(json, app)));
      } catch (IOException e) {
        throw new UncheckedIOException("could not build the Chinese texts of " + app, e);
      }
    }
  }

  @GetMapping("/camunda/app/{app}/locales/zh.json")
  ResponseEntity<byte[]> locale(@PathVariable String app) {
    byte[] file = files.get(app);
    if (file == null) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS)).body(file);
  }

  /** The community's file with our replacements and labels; Admin borrows Tasklist's date names, which it lacks. */
  static ObjectNode merged(ObjectMapper json, String app) throws IOException {
    ObjectNode base = COMMUNITY.contains(app) ? read(json, "camunda-webapp-translations/" + app + "/zh-Hans.json")
        : json.createObjectNode().set("labels", json.createObjectNode());
    ObjectNode ours = read(json, "webapp-translations/" + app + ".json");
    ObjectNode labels = (ObjectNode) base.get("labels");
    Map<String, String> replacements = new LinkedHashMap<>();
    ours.path("replace").fields().forEachRemaining(r -> replacements.put(r.getKey(), r.getValue().asText()));
    Map<String, String> replaced = new LinkedHashMap<>();
    labels.fields().forEachRemaining(label -> {
      String text = label.getValue().asText();
      for (Map.Entry<String, String> r : replacements.entrySet()) {
        text = text.replace(r.getKey(), r.getValue());
      }
      replaced.put(label.getKey(), text);
    });
    replaced.forEach(labels::put);
    labels.setAll((ObjectNode) ours.get("labels"));
    if (!base.has("dateLocales") && !app.equals("welcome")) {
      base.set("dateLocales", read(json, "camunda-webapp-translations/tasklist/zh-Hans.json").get("dateLocales"));
    }
    return base;
  }

  /** A JSON file on the classpath, with or without the byte order mark Camunda's and the community's files carry. */
  static ObjectNode read(ObjectMapper json, String resource) throws IOException {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      // The community's files start with a byte order mark.
      byte[] bytes = in.readAllBytes();
      int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
          && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
      return (ObjectNode) json.readTree(bytes, start, bytes.length - start);
    }
  }
}
