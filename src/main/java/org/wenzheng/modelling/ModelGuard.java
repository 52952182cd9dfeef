package org.wenzheng.modelling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks the files of a deployment before the engine stores anything: what {@code ../shared/tools/check-models}
 * calls an error (a process without start or end, an element without a name or outside the diagram, a form
 * reference without a form, a form Tasklist 7.24 cannot render, FEEL that does not parse) and what would let a model
 * do more than the project's steps: scripts, Java classes, connectors, embedded HTML forms, expressions beyond
 * {@link ExpressionRules}, and a diagram or decision that drops what the code relies on ({@link ModelContracts}).
 */
final class ModelGuard {

  /** One refusal: the file, the element (or null) and what is wrong, in Chinese. */
  record Problem(String resource, String elementId, String message) implements org.camunda.bpm.engine.Problem {
    @Override
    public String toString() {
      return resource + (elementId == null ? "" : " " + elementId) + "：" + message;
    }

    // As Camunda's REST API reports a problem of a deployment (details of a ParseException): no line or column.

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return elementId;
    }

    @Override
    public List<String> getElementIds() {
      return elementId == null ? List.of() : List.of(elementId);
    }
  }

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** Field types Tasklist 7.24 (form-js 1.8.7) renders: the same list as check-models. */
  private static final Set<String> FORM_FIELD_TYPES = Set.of("button", "checkbox", "checklist", "datetime",
      "dynamiclist", "expression", "group", "html", "iframe", "image", "number", "radio", "select", "separator",
      "spacer", "table", "taglist", "text", "textarea", "textfield", "default");

  /** Elements that are steps or events of a diagram: each needs a name, a place in the diagram and a flow. */
  private static final Set<String> FLOW_NODES = Set.of("task", "userTask", "serviceTask", "sendTask", "receiveTask",
      "manualTask", "businessRuleTask", "scriptTask", "callActivity", "subProcess", "startEvent", "endEvent",
      "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "exclusiveGateway", "parallelGateway",
      "inclusiveGateway", "eventBasedGateway", "complexGateway");

  /** Texts that are read, never evaluated. */
  private static final Set<String> PROSE = Set.of("documentation", "text", "string");

  private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
      "https://www.omg.org/spec/dmn/20191111/feel/", "https://www.omg.org/spec/dmn/20230324/feel/");

  private static final Pattern FORM_TEMPLATE = Pattern.compile("\\{\\{\\s*(?:#if|#loop)?\\s*([^{}]*?)\\s*}}");
  private static final Pattern NOT_FEEL = Pattern.compile("==|&&|\\|\\||!(?!=)");

  private final ExpressionRules expressions;
  private final ObjectMapper json;
  /** FEEL's parser, built once: it keeps no state between expressions. */
  private static final FeelEngineApi FEEL_PARSER = FeelEngineBuilder.forJava().build();

  ModelGuard(ExpressionRules expressions, ObjectMapper json) {
    this.expressions = expressions;
    this.json = json;
  }

  /**
   * @param resources the deployment's files by name
   * @param formDeployed whether a form with this id is already deployed (for references bound to the latest form)
   */
  List<Problem> check(Map<String, byte[]> resources, Predicate<String> formDeployed) {
    List<Problem> out = new ArrayList<>();
    Map<String, String> formsHere = new LinkedHashMap<>();
    for (var r : resources.entrySet()) {
      if (r.getKey().endsWith(".form")) {
        checkForm(r.getKey(), r.getValue(), formsHere, out);
      }
    }
    for (var r : resources.entrySet()) {
      String name = r.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
        checkBpmn(name, r.getValue(), formsHere.keySet(), formDeployed, out);
      } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
        checkDmn(name, r.getValue(), out);
      } else if (!lower.endsWith(".form")) {
        out.add(new Problem(name, null, "只能部署 BPMN、DMN 和表单 (.bpmn, .dmn, .form)：脚本、HTML 等文件不允许"));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------- BPMN

  private void checkBpmn(String resource, byte[] bytes, Set<String> formsHere, Predicate<String> formDeployed,
      List<Problem> out) {
    Document doc = parse(resource, bytes, out);
    if (doc == null) {
      return;
    }
    Set<String> inDiagram = new HashSet<>();
    NodeList shapes = doc.getElementsByTagNameNS(BPMNDI, "*");
    for (int i = 0; i < shapes.getLength(); i++) {
      inDiagram.add(((Element) shapes.item(i)).getAttribute("bpmnElement"));
    }
    Map<String, String> messageNames = new HashMap<>();
    Map<String, String> escalationCodes = new HashMap<>();
    for (Element m : SafeXml.children(doc.getDocumentElement(), BPMN, "message")) {
      messageNames.put(m.getAttribute("id"), m.getAttribute("name"));
    }
    for (Element e : SafeXml.children(doc.getDocumentElement(), BPMN, "escalation")) {
      escalationCodes.put(e.getAttribute("id"), e.getAttribute("escalationCode"));
    }
    for (Element process : SafeXml.children(doc.getDocumentElement(), BPMN, "process")) {
      String processId = process.getAttribute("id");
      Set<String> ids = new HashSet<>();
      Set<String> messages = new HashSet<>();
      Set<String> escalations = new HashSet<>();
      SafeXml.walk(process, e -> {
        if (!e.getAttribute("id").isEmpty()) {
          ids.add(e.getAttribute("id"));
        }
        if (BPMN.equals(e.getNamespaceURI()) && e.getLocalName().equals("messageEventDefinition")) {
          messages.add(messageNames.getOrDefault(e.getAttribute("messageRef"), ""));
        }
        if (BPMN.equals(e.getNamespaceURI()) && e.getLocalName().equals("escalationEventDefinition")) {
          escalations.add(escalationCodes.getOrDefault(e.getAttribute("escalationRef"), ""));
        }
        checkElement(resource, e, inDiagram, formsHere, formDeployed, out);
      });
      checkStructure(resource, process, out);
      for (String id : ModelContracts.elementIds(processId)) {
        if (!ids.contains(id)) {
          out.add(new Problem(resource, processId, "缺少元素 " + id + "：程序依赖它 (" + processId + " 的流程约定)"));
        }
      }
      for (String m : ModelContracts.messages(processId)) {
        if (!messages.contains(m)) {
          out.add(new Problem(resource, processId, "缺少消息 " + m + "：程序用它关联流程"));
        }
      }
      for (String code : ModelContracts.escalations(processId)) {
        if (!escalations.contains(code)) {
          out.add(new Problem(resource, processId, "缺少上报 (escalation) " + code + "：程序依赖它"));
        }
      }
    }
  }

  private void checkElement(String resource, Element e, Set<String> inDiagram, Set<String> formsHere,
      Predicate<String> formDeployed, List<Problem> out) {
    String id = elementId(e);
    String local = e.getLocalName();
    boolean bpmn = BPMN.equals(e.getNamespaceURI());
    boolean camunda = CAMUNDA.equals(e.getNamespaceURI());
    if (bpmn && local.equals("scriptTask")) {
      out.add(new Problem(resource, id, "不允许脚本任务：脚本可以在服务器上做任何事，请使用项目提供的步骤"));
    }
    if (camunda && local.equals("script")) {
      out.add(new Problem(resource, id, "不允许脚本 (camunda:script)：请使用项目提供的步骤"));
    }
    if (camunda && local.equals("connector")) {
      out.add(new Problem(resource, id, "不允许连接器 (camunda:connector)：它可以从服务器访问任意地址"));
    }
    if (camunda && local.equals("property") && e.getAttribute("name").startsWith(TemplateTaskListeners.PREFIX)) {
      String problem = expressions.taskListenerProblem(
          e.getAttribute("name").substring(TemplateTaskListeners.PREFIX.length()), e.getAttribute("value"));
      if (problem != null) {
        out.add(new Problem(resource, id, problem));
      }
    }
    if (bpmn && !e.getAttribute("language").isEmpty()) {
      out.add(new Problem(resource, id, "不允许脚本条件 (language=\"" + e.getAttribute("language") + "\")"));
    }
    if (bpmn && FLOW_NODES.contains(local)) {
      if (e.getAttribute("name").isBlank() && !local.endsWith("Gateway")) {
        out.add(new Problem(resource, id, "元素没有名称 (label-required)"));
      }
      if (!inDiagram.contains(e.getAttribute("id"))) {
        out.add(new Problem(resource, id, "元素不在图中 (no-bpmndi)"));
      }
    }
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      // camunda:… on a BPMN element, or any attribute of a camunda:… element (a listener's delegateExpression)
      if (!CAMUNDA.equals(a.getNamespaceURI()) && !(camunda && a.getNamespaceURI() == null)) {
        continue;
      }
      String name = a.getLocalName();
      String value = a.getValue();
      switch (name) {
        case "class", "variableMappingClass" -> out.add(new Problem(resource, id,
            "不允许 camunda:" + name + "=\"" + value + "\"：请使用项目提供的步骤（元素模板）"));
        case "resource" -> out.add(new Problem(resource, id, "不允许外部资源 camunda:resource"));
        case "formKey" -> {
          if (!value.startsWith("camunda-forms:")) {
            out.add(new Problem(resource, id, "只允许 Camunda 表单 (camunda:formRef)：嵌入式 HTML 表单可以在任务列表里执行脚本"));
          }
        }
        case "formRef" -> checkFormRef(resource, id, e, value, formsHere, formDeployed, out);
        case "delegateExpression" -> {
          if (!value.matches("\\s*\\$\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}\\s*")) {
            out.add(new Problem(resource, id, "委托表达式只能是项目提供的一个步骤，如 ${handleAppealListener}"));
          }
          expressions.problems(value, true).forEach(p -> out.add(new Problem(resource, id, p)));
        }
        default -> expressions.problems(value, false).forEach(p -> out.add(new Problem(resource, id, p)));
      }
    }
    if (!PROSE.contains(local)) {
      for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
          expressions.problems(n.getNodeValue(), false).forEach(p -> out.add(new Problem(resource, id, p)));
        }
      }
    }
  }

  private static void checkFormRef(String resource, String id, Element task, String formRef, Set<String> formsHere,
      Predicate<String> formDeployed, List<Problem> out) {
    String binding = task.getAttributeNS(CAMUNDA, "formRefBinding");
    if (binding.isEmpty()) {
      out.add(new Problem(resource, id, "camunda:formRef 没有 camunda:formRefBinding（引擎无法解析）"));
    } else if (binding.equals("deployment") && !formsHere.contains(formRef)) {
      out.add(new Problem(resource, id, "表单 " + formRef + " 不在本次部署中：formRefBinding=deployment "
          + "要求表单与流程在同一次部署，而 Modeler 只部署改动过的文件；请用 formRefBinding=latest"));
    } else if (!binding.equals("deployment") && !formsHere.contains(formRef) && !formDeployed.test(formRef)) {
      out.add(new Problem(resource, id, "表单 " + formRef + " 不存在"));
    }
  }

  /**
   * bpmnlint's recommended rules that are errors, per process and sub-process: start-event-required,
   * end-event-required, no-disconnected, no-implicit-start, no-implicit-end, no-implicit-split, conditional-flows,
   * no-duplicate-sequence-flows, no-gateway-join-fork, single-blank-start-event, no-complex-gateway.
   */
  private static void checkStructure(String resource, Element scope, List<Problem> out) {
    List<Element> nodes = new ArrayList<>();
    Map<String, List<Element>> outgoing = new HashMap<>();
    Map<String, Integer> incoming = new HashMap<>();
    Set<String> flowKeys = new HashSet<>();
    int blankStarts = 0;
    boolean start = false;
    boolean end = false;
    for (Element c : SafeXml.children(scope, BPMN, null)) {
      String local = c.getLocalName();
      if (local.equals("sequenceFlow")) {
        outgoing.computeIfAbsent(c.getAttribute("sourceRef"), k -> new ArrayList<>()).add(c);
        incoming.merge(c.getAttribute("targetRef"), 1, Integer::sum);
        String condition = SafeXml.children(c, BPMN, "conditionExpression").stream().map(Element::getTextContent)
            .findFirst().orElse("");
        if (!flowKeys.add(c.getAttribute("sourceRef") + "→" + c.getAttribute("targetRef") + "?" + condition)) {
          out.add(new Problem(resource, c.getAttribute("id"), "重复的连线 (no-duplicate-sequence-flows)"));
        }
      } else if (FLOW_NODES.contains(local)) {
        nodes.add(c);
        start |= local.equals("startEvent");
        end |= local.equals("endEvent");
        if (local.equals("startEvent") && SafeXml.children(c, BPMN, null).stream()
            .noneMatch(d -> d.getLocalName().endsWith("EventDefinition"))) {
          blankStarts++;
        }
        if (local.equals("complexGateway")) {
          out.add(new Problem(resource, c.getAttribute("id"), "不支持复杂网关 (no-complex-gateway)"));
        }
      }
      if (local.equals("subProcess")) {
        checkStructure(resource, c, out);
      }
    }
    if (!start) {
      out.add(new Problem(resource, elementId(scope), "缺少开始事件 (start-event-required)"));
    }
    if (!end) {
      out.add(new Problem(resource, elementId(scope), "缺少结束事件 (end-event-required)"));
    }
    if (blankStarts > 1) {
      out.add(new Problem(resource, elementId(scope), "多个空白开始事件 (single-blank-start-event)"));
    }
    for (Element n : nodes) {
      String id = n.getAttribute("id");
      String local = n.getLocalName();
      boolean frame = local.equals("subProcess") && "true".equals(n.getAttribute("triggeredByEvent"));
      boolean compensation = local.equals("boundaryEvent") && hasCompensation(n);
      List<Element> out1 = outgoing.getOrDefault(id, List.of());
      int in = incoming.getOrDefault(id, 0);
      if (frame || compensation || "true".equals(n.getAttribute("isForCompensation"))) {
        continue;
      }
      if (out1.isEmpty() && in == 0) {
        out.add(new Problem(resource, id, "元素没有连线 (no-disconnected)"));
        continue;
      }
      if (in == 0 && !local.equals("startEvent") && !local.equals("boundaryEvent")) {
        out.add(new Problem(resource, id, "元素没有进入的连线 (no-implicit-start)"));
      }
      if (out1.isEmpty() && !local.equals("endEvent")) {
        out.add(new Problem(resource, id, "元素没有出去的连线 (no-implicit-end)"));
      }
      boolean gateway = local.endsWith("Gateway");
      if (gateway && in > 1 && out1.size() > 1) {
        out.add(new Problem(resource, id, "网关既汇合又分支 (no-gateway-join-fork)"));
      }
      String defaultFlow = n.getAttribute("default");
      boolean choosing = local.equals("exclusiveGateway") || local.equals("inclusiveGateway");
      if (out1.size() > 1 && (choosing || !gateway)) {
        for (Element flow : out1) {
          boolean conditional = !SafeXml.children(flow, BPMN, "conditionExpression").isEmpty();
          if (!conditional && !flow.getAttribute("id").equals(defaultFlow)) {
            out.add(new Problem(resource, flow.getAttribute("id"), choosing
                ? "网关的出口没有条件 (conditional-flows)" : "隐式分支：多条无条件的出口 (no-implicit-split)"));
          }
        }
      }
    }
  }

  private static boolean hasCompensation(Element boundary) {
    return !SafeXml.children(boundary, BPMN, "compensateEventDefinition").isEmpty();
  }

  // ----------------------------------------------------------------------------------------------------- DMN

  private void checkDmn(String resource, byte[] bytes, List<Problem> out) {
    Document doc = parse(resource, bytes, out);
    if (doc == null) {
      return;
    }
    SafeXml.walk(doc.getDocumentElement(), e -> {
      String language = e.getAttribute("expressionLanguage");
      if (!language.isEmpty() && !FEEL.contains(language.toLowerCase(Locale.ROOT))) {
        out.add(new Problem(resource, elementId(e), "决策表只允许 FEEL 表达式 (expressionLanguage=\"" + language + "\")"));
      }
      String local = e.getLocalName();
      String text = local.equals("inputExpression") || local.equals("inputEntry") || local.equals("outputEntry")
          || local.equals("literalExpression") ? textOf(e) : null;
      if (text == null || text.isBlank()) {
        return;
      }
      var parsed = local.equals("inputEntry") ? FEEL_PARSER.parseUnaryTests(text) : FEEL_PARSER.parseExpression(text);
      if (parsed.isFailure()) {
        out.add(new Problem(resource, elementId(e), "FEEL 无法解析：" + text.strip() + " (" + parsed.failure().message()
            + ")"));
      }
    });
    for (Element decision : SafeXml.children(doc.getDocumentElement(), null, "decision")) {
      List<String> required = ModelContracts.DECISION_OUTPUTS.get(decision.getAttribute("id"));
      if (required == null) {
        continue;
      }
      Set<String> outputs = new HashSet<>();
      SafeXml.walk(decision, e -> {
        if (e.getLocalName().equals("output")) {
          outputs.add(e.getAttribute("name"));
        }
      });
      for (String name : required) {
        if (!outputs.contains(name)) {
          out.add(new Problem(resource, decision.getAttribute("id"), "缺少输出列 " + name + "：程序读取它"));
        }
      }
    }
  }

  private static String textOf(Element e) {
    for (Element c : SafeXml.children(e, null, "text")) {
      return c.getTextContent();
    }
    return null;
  }

  // --------------------------------------------------------------------------------------------------- forms

  private void checkForm(String resource, byte[] bytes, Map<String, String> formsHere, List<Problem> out) {
    JsonNode form;
    try {
      form = json.readTree(bytes);
    } catch (IOException e) {
      out.add(new Problem(resource, null, "不是有效的 JSON：" + e.getMessage()));
      return;
    }
    String id = form.path("id").asText("");
    if (id.isEmpty()) {
      out.add(new Problem(resource, null, "表单没有 id（camunda:formRef 需要它）"));
    } else if (formsHere.containsKey(id)) {
      out.add(new Problem(resource, id, "表单 id 与 " + formsHere.get(id) + " 重复"));
    } else {
      formsHere.put(id, resource);
    }
    checkComponents(resource, form, out);
  }

  private void checkComponents(String resource, JsonNode parent, List<Problem> out) {
    for (JsonNode c : parent.path("components")) {
      String id = c.path("id").asText(c.path("key").asText(null));
      String type = c.path("type").asText("");
      if (!FORM_FIELD_TYPES.contains(type)) {
        out.add(new Problem(resource, id, "任务列表 (Tasklist 7.24) 无法显示字段类型 \"" + type + "\""));
      }
      feelIn(c, "", (where, expression) -> {
        String problem = feelProblem(expression);
        if (problem != null) {
          out.add(new Problem(resource, id, where + "：" + problem + "：" + abbreviated(expression)));
        }
      });
      checkComponents(resource, c, out);
    }
  }

  private interface FeelSite {
    void accept(String where, String expression);
  }

  /** FEEL in a form: {@code "=expr"} properties and the {@code {{…}}} inserts of texts, as check-models reads them. */
  private static void feelIn(JsonNode node, String prefix, FeelSite site) {
    for (var f : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
      if (f.getKey().equals("components")) {
        continue;
      }
      String at = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
      JsonNode v = f.getValue();
      if (v.isTextual()) {
        String s = v.asText();
        if (s.startsWith("=")) {
          site.accept(at, s.substring(1));
        }
        Matcher m = FORM_TEMPLATE.matcher(s);
        while (m.find()) {
          if (!m.group(1).isEmpty() && !m.group(1).startsWith("/")) {
            site.accept(at, m.group(1));
          }
        }
      } else if (v.isContainerNode()) {
        feelIn(v, at, site);
      }
    }
  }

  private String feelProblem(String expression) {
    Matcher m = NOT_FEEL.matcher(expression);
    if (m.find()) {
      return "\"" + m.group() + "\" 不是 FEEL（FEEL 写作 =、and、or、not(…)）";
    }
    var parsed = FEEL_PARSER.parseExpression(expression);
    return parsed.isFailure() ? "FEEL 语法错误" : null;
  }

  private static String abbreviated(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }

  // ------------------------------------------------------------------------------------------------- helpers

  private static Document parse(String resource, byte[] bytes, List<Problem> out) {
    try {
      return SafeXml.parse(bytes);
    } catch (SAXException | IOException e) {
      out.add(new Problem(resource, null, "无法解析：" + e.getMessage()));
      return null;
    }
  }

  private static String elementId(Element e) {
    for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
      if (!el.getAttribute("id").isEmpty()) {
        return el.getAttribute("id");
      }
    }
    return null;
  }
}
