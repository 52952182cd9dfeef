package org.wenzheng.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text of Camunda 7.24's English Tasklist, Admin and Welcome has a Chinese one: a key that a new Camunda adds
 * and nobody translated fails the build instead of showing English to a handler.
 */
class WebappTranslationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Texts that are the same in both languages. */
  private static final Set<String> SAME = Set.of("<", "<=", ">", ">=", "=", "!=", "ID", "URL", "BPMN", "DMN", "CMMN",
      "JSON", "XML", "CSV", "Java", "Camunda", "Email", "OK", "FNI", "EDE", "TU", "PI", "DI");

  static List<String> apps() {
    return WebappTranslations.APPS;
  }

  @ParameterizedTest
  @MethodSource("apps")
  void everyTextOfCamunda724HasAChineseOne(String app) throws IOException {
    JsonNode english = WebappTranslations.read(JSON, english(app)).get("labels");
    JsonNode chinese = WebappTranslations.merged(JSON, app).get("labels");
    List<String> missing = new ArrayList<>();
    List<String> untranslated = new ArrayList<>();
    english.fields().forEachRemaining(e -> {
      JsonNode zh = chinese.get(e.getKey());
      if (e.getValue().asText().isBlank()) {
        return;
      }
      if (zh == null || zh.asText().isBlank()) {
        missing.add(e.getKey());
      } else if (zh.asText().equals(e.getValue().asText()) && !SAME.contains(zh.asText().strip())
          && e.getValue().asText().matches(".*[A-Za-z]{2,}.*")) {
        untranslated.add(e.getKey() + " = " + zh.asText());
      }
    });
    assertThat(missing).as("keys of Camunda 7.24's %s without a Chinese text", app).isEmpty();
    assertThat(untranslated).as("texts of %s still in English", app).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("apps")
  void theDateNamesAreChineseWhereTheAppShowsDates(String app) throws IOException {
    JsonNode english = WebappTranslations.read(JSON, english(app));
    ObjectNode chinese = WebappTranslations.merged(JSON, app);
    if (english.has("dateLocales")) {
      assertThat(chinese.at("/dateLocales/months/0").asText()).isEqualTo("一月");
    }
  }

  @org.junit.jupiter.api.Test
  void tasklistSpeaksOurWording() throws IOException {
    JsonNode labels = WebappTranslations.merged(JSON, "tasklist").get("labels");
    assertThat(labels.get("CLAIM_TASK").asText()).isEqualTo("领取");
    assertThat(labels.get("COMPLETE").asText()).isEqualTo("提交");
    List<String> claim = new ArrayList<>();
    labels.fields().forEachRemaining(e -> {
      if (e.getValue().asText().contains("认领")) {
        claim.add(e.getKey());
      }
    });
    assertThat(claim).as("texts saying 认领 instead of 领取").isEmpty();
  }

  /** Camunda 7.24's English texts of an app, from its webjar. */
  private static String english(String app) {
    return "META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json";
  }
}
