package org.wenzheng.modelling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * What changed between two versions of a model, in the terms a process owner and an auditor use: for a decision
 * table its rows (by the rule's id, which Modeler keeps while a row is edited) added, removed and changed cell by cell,
 * and its columns; for a process the steps and events added and removed.
 */
final class ModelDiff {

  /** One decision table as its rows: cells in column order. */
  record Table(String key, String name, Map<String, String> columns, Map<String, List<String>> rows) {
  }

  record CellChange(String column, String before, String after) {
  }

  record RowChange(String rule, List<CellChange> cells) {
  }

  record TableChange(String key, String name, Integer previousVersion, List<String> columnsAdded,
      List<String> columnsRemoved, List<Map<String, String>> rowsAdded, List<Map<String, String>> rowsRemoved,
      List<RowChange> rowsChanged, boolean rowsReordered) {

    boolean isEmpty() {
      return previousVersion != null && columnsAdded.isEmpty() && columnsRemoved.isEmpty() && rowsAdded.isEmpty()
          && rowsRemoved.isEmpty() && rowsChanged.isEmpty() && !rowsReordered;
    }
  }

  record Element(String id, String type, String name) {
  }

  record ProcessChange(String key, String name, Integer previousVersion, List<Element> elementsAdded,
      List<Element> elementsRemoved) {
  }

  private ModelDiff() {
  }

  /** The decision tables of a DMN file by decision id. */
  static Map<String, Table> tables(byte[] dmn) {
    Map<String, Table> out = new LinkedHashMap<>();
    Document doc = parse(dmn);
    for (org.w3c.dom.Element decision : SafeXml.children(doc.getDocumentElement(), null, "decision")) {
      org.w3c.dom.Element table = SafeXml.children(decision, null, "decisionTable").stream().findFirst()
          .orElse(null);
      if (table == null) {
        continue;
      }
      Map<String, String> columns = new LinkedHashMap<>();
      for (org.w3c.dom.Element c : SafeXml.children(table, null, null)) {
        if (c.getLocalName().equals("input") || c.getLocalName().equals("output")) {
          String label = c.getAttribute("label").isEmpty() ? c.getAttribute("name") : c.getAttribute("label");
          columns.put(c.getAttribute("id"), label.isEmpty() ? c.getAttribute("id") : label);
        }
      }
      Map<String, List<String>> rows = new LinkedHashMap<>();
      for (org.w3c.dom.Element rule : SafeXml.children(table, null, null)) {
        if (!rule.getLocalName().equals("rule")) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (org.w3c.dom.Element entry : SafeXml.children(rule, null, null)) {
          if (entry.getLocalName().equals("inputEntry") || entry.getLocalName().equals("outputEntry")) {
            cells.add(SafeXml.children(entry, null, "text").stream().map(Node::getTextContent).map(String::strip)
                .findFirst().orElse(""));
          }
        }
        rows.put(rule.getAttribute("id"), cells);
      }
      out.put(decision.getAttribute("id"), new Table(decision.getAttribute("id"), decision.getAttribute("name"),
          columns, rows));
    }
    return out;
  }

  static TableChange compare(Table before, Integer previousVersion, Table after) {
    List<String> labels = new ArrayList<>(after.columns().values());
    List<String> columnsAdded = new ArrayList<>();
    List<String> columnsRemoved = new ArrayList<>();
    List<Map<String, String>> added = new ArrayList<>();
    List<Map<String, String>> removed = new ArrayList<>();
    List<RowChange> changed = new ArrayList<>();
    boolean reordered = false;
    if (before == null) {
      after.rows().forEach((id, cells) -> added.add(row(id, labels, cells)));
      return new TableChange(after.key(), after.name(), null, List.copyOf(after.columns().values()), columnsRemoved,
          added, removed, changed, false);
    }
    after.columns().forEach((id, label) -> {
      if (!before.columns().containsKey(id)) {
        columnsAdded.add(label);
      }
    });
    before.columns().forEach((id, label) -> {
      if (!after.columns().containsKey(id)) {
        columnsRemoved.add(label);
      }
    });
    List<String> beforeLabels = new ArrayList<>(before.columns().values());
    List<String> kept = new ArrayList<>();
    for (var row : after.rows().entrySet()) {
      List<String> old = before.rows().get(row.getKey());
      if (old == null) {
        added.add(row(row.getKey(), labels, row.getValue()));
        continue;
      }
      kept.add(row.getKey());
      List<CellChange> cells = new ArrayList<>();
      List<String> afterIds = new ArrayList<>(after.columns().keySet());
      List<String> beforeIds = new ArrayList<>(before.columns().keySet());
      for (int i = 0; i < afterIds.size() && i < row.getValue().size(); i++) {
        int j = beforeIds.indexOf(afterIds.get(i));
        String was = j >= 0 && j < old.size() ? old.get(j) : null;
        if (!Objects.equals(was, row.getValue().get(i))) {
          cells.add(new CellChange(labels.get(i), was, row.getValue().get(i)));
        }
      }
      if (!cells.isEmpty()) {
        changed.add(new RowChange(row.getKey(), cells));
      }
    }
    for (var row : before.rows().entrySet()) {
      if (!after.rows().containsKey(row.getKey())) {
        removed.add(row(row.getKey(), beforeLabels, row.getValue()));
      }
    }
    List<String> keptBefore = before.rows().keySet().stream().filter(after.rows()::containsKey).toList();
    reordered = !keptBefore.equals(kept);
    return new TableChange(after.key(), after.name(), previousVersion, columnsAdded, columnsRemoved, added, removed,
        changed, reordered);
  }

  private static Map<String, String> row(String id, List<String> labels, List<String> cells) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("规则", id);
    for (int i = 0; i < cells.size(); i++) {
      out.put(i < labels.size() ? labels.get(i) : "列 " + (i + 1), cells.get(i).isEmpty() ? "-" : cells.get(i));
    }
    return out;
  }

  /** The steps and events of each process in a BPMN file, by process id. */
  static Map<String, Map<String, Element>> processes(byte[] bpmn) {
    Map<String, Map<String, Element>> out = new LinkedHashMap<>();
    Document doc = parse(bpmn);
    for (org.w3c.dom.Element process : SafeXml.children(doc.getDocumentElement(), null, "process")) {
      Map<String, Element> steps = new LinkedHashMap<>();
      collect(process, steps);
      out.put(process.getAttribute("id"), steps);
    }
    return out;
  }

  /** The name of each process in a BPMN file, by process id. */
  static Map<String, String> processNames(byte[] bpmn) {
    Map<String, String> out = new LinkedHashMap<>();
    for (org.w3c.dom.Element process : SafeXml.children(parse(bpmn).getDocumentElement(), null, "process")) {
      out.put(process.getAttribute("id"), process.getAttribute("name"));
    }
    return out;
  }

  private static void collect(org.w3c.dom.Element scope, Map<String, Element> steps) {
    for (org.w3c.dom.Element c : SafeXml.children(scope, null, null)) {
      String type = c.getLocalName();
      if (type.endsWith("Task") || type.endsWith("Event") || type.equals("callActivity") || type.equals("subProcess")
          || type.equals("task")) {
        steps.put(c.getAttribute("id"), new Element(c.getAttribute("id"), type, c.getAttribute("name")));
      }
      if (type.equals("subProcess")) {
        collect(c, steps);
      }
    }
  }

  static ProcessChange compare(String key, String name, Map<String, Element> before, Integer previousVersion,
      Map<String, Element> after) {
    List<Element> added = after.values().stream().filter(e -> before == null || !before.containsKey(e.id())).toList();
    List<Element> removed = before == null ? List.of()
        : before.values().stream().filter(e -> !after.containsKey(e.id())).toList();
    return new ProcessChange(key, name, previousVersion, added, removed);
  }

  private static Document parse(byte[] xml) {
    try {
      return SafeXml.parse(xml);
    } catch (Exception e) {
      throw new IllegalArgumentException("model cannot be parsed", e);
    }
  }
}
