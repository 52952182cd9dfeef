package org.wenzheng.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Camunda's authorization checks in the queries that Tasklist and our filters run, written so that a page of the
 * dispatch centre's queue costs about the same at 100,000 open appeals as at 1,000 (README, "Load and scale").
 *
 * <p><b>The queries.</b> With authorization on, Camunda 7.24 finds the tasks (and the variables shown beside them) a
 * user may read by left-joining the grants of the user and their groups with
 * {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}. Every candidate group receives one grant per task, so
 * PostgreSQL compares every waiting task with every grant of the group: 5.3 s per page at 10,500 waiting appeals,
 * growing with the square. The forks of Camunda 7 rewrote the check as a correlated {@code EXISTS} (CIB seven pull
 * request 151, Operaton 3152), one {@code EXISTS} per row with the three ids inside, which is linear but probes the
 * grants for every row. Here the same condition is asked as separate questions: is there a grant on everything
 * ({@code '*'}, asked once per query), does a grant name this row's id, does one name its process definition's key.
 * A count has PostgreSQL answer each of the last two with one hash table of the user's grants built for the whole
 * query (a count of 10,000 tasks), read from an index alone; a list looks them up in the grants' index for each row
 * it reads (a page of 15 tasks, the variables of 15 tasks). The answer is exactly Camunda's: a row is listed when a
 * grant of the user or their groups, with the permissions the query checks, names it, its process definition or
 * everything.
 *
 * <p>It also holds {@code selectGroupsWithAuthorizations}, which {@link LeanSessions} asks instead of the engine's
 * scan of every grant for the groups that have any.
 *
 * <p><b>How.</b> At start the engine's own mappings ({@code Task.xml}, {@code VariableInstance.xml} in
 * camunda-engine) are read, the join and the check are replaced (nothing else changes), and the results are
 * registered as new mapped statements that the engine's statement mapping then uses instead of its own. Tasklist,
 * Camunda's REST API, the webapps' REST API and our filters all run through them. If a future engine changes those
 * mappings so that the pieces are not where this class expects them, the application refuses to start rather than
 * run a check nobody reviewed. With revoke authorizations enabled, the engine's own check is used unchanged.
 */
@Component
class AuthorizationQueries extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(AuthorizationQueries.class);

  static final String NAMESPACE = "org.wenzheng.config.AuthorizationQueries";
  private static final String ENTITY = "org.camunda.bpm.engine.impl.persistence.entity.";
  private static final String AUTH_NAMESPACE = ENTITY + "AuthorizationEntity";

  /** A query of the engine whose authorization join is replaced: its mapping, its criteria and its statements. */
  record Rewrite(String mapping, String namespace, String criteria, List<String> statements) {
  }

  static final List<Rewrite> REWRITES = List.of(
      new Rewrite("Task.xml", ENTITY + "TaskEntity", "selectTaskByQueryCriteriaSql",
          List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria")),
      new Rewrite("VariableInstance.xml", ENTITY + "VariableInstanceEntity", "selectVariableInstanceByQueryCriteriaSql",
          List.of("selectVariableInstanceByQueryCriteria", "selectVariableInstanceCountByQueryCriteria")));

  /**
   * Which of the given groups (a user's) have any authorization: one probe of the group index per group, where
   * "distinct" would read every grant of the group (the dispatch centre's 10,000, for every command).
   */
  private static final String GROUPS_WITH_AUTHORIZATIONS = """
      <select id="selectGroupsWithAuthorizations" resultType="string">
        <foreach item="group" collection="parameter" separator="union all">
          select cast(#{group} as varchar) where exists (select 1 from ${prefix}ACT_RU_AUTHORIZATION A \
      where A.GROUP_ID_ = #{group})
        </foreach>
      </select>""";

  /**
   * The resource ids of the grants of the current user and their groups that carry the permissions the query checks,
   * selected as the engine's join selects its rows; the user's and the groups' grants as two sets, each of which
   * PostgreSQL reads from one index alone ({@link EngineIndexes}), where "the user's or their groups'" would make it
   * read every grant's row from the table.
   */
  private static final String GRANTS = """
      (select A.RESOURCE_ID_ from ${prefix}ACT_RU_AUTHORIZATION A
       where A.TYPE_ &lt; 2
         and A.USER_ID_ in (#{authCheck.authUserId, jdbcType=VARCHAR}, '*')
         <include refid="%1$s.atomicChecksOnResourceTypeAndPerms"/>
       <if test="authGroupIds != null &amp;&amp; authGroupIds.size > 0">
       union all
       select A.RESOURCE_ID_ from ${prefix}ACT_RU_AUTHORIZATION A
       where A.TYPE_ &lt; 2
         and A.GROUP_ID_ in <foreach item="item" index="index" collection="authGroupIds" open="(" separator="," \
      close=")">#{item}</foreach>
         <include refid="%1$s.atomicChecksOnResourceTypeAndPerms"/>
       </if>)""".formatted(AUTH_NAMESPACE);

  private static final Pattern JOIN_CONDITION = Pattern.compile(
      "^\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s*\\$\\{authJoinStart}(.*?)\\$\\{authJoinEnd}\\s*\\)",
      Pattern.DOTALL);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    org.apache.ibatis.session.Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    Map<String, String> replaced = new LinkedHashMap<>();
    byte[] mapper = mapper(replaced);
    new XMLMapperBuilder(new ByteArrayInputStream(mapper), mybatis, NAMESPACE + ".xml", mybatis.getSqlFragments())
        .parse();
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    // The mapping for a database type is shared by every engine of that type in the JVM: change a copy.
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    replaced.forEach((engine, ours) -> mappings.put(engine, NAMESPACE + "." + ours));
    sessions.setStatementMappings(mappings);
    log.info("Authorization checks of {} rewritten for scale", replaced.keySet());
  }

  /** The statement ids the engine asks for, and ours that it gets instead. */
  static Map<String, String> replacements() {
    Map<String, String> replaced = new LinkedHashMap<>();
    mapper(replaced);
    return replaced;
  }

  /** Our mapper: the engine's queries with the authorization join and check replaced, and the groups query. */
  static byte[] mapper(Map<String, String> replaced) {
    try {
      DocumentBuilder builder = documentBuilder();
      Document ours = builder.newDocument();
      Element root = ours.createElement("mapper");
      root.setAttribute("namespace", NAMESPACE);
      ours.appendChild(root);
      int n = 0;
      for (Rewrite rewrite : REWRITES) {
        Document engine = engineMapping(builder, rewrite.mapping());
        String suffix = "WithGrantSets";
        Element criteria = (Element) ours.importNode(byId(engine, "sql", rewrite.criteria()), true);
        criteria.setAttribute("id", rewrite.criteria() + suffix);
        qualifyIncludes(criteria, rewrite, suffix);
        List<String> granted = removeAuthorizationJoin(criteria, rewrite);
        String check = "grantCheck" + (n++);
        replaceCheck(criteria, rewrite, check);
        root.appendChild(criteria);
        root.appendChild(ours.importNode(parse(builder, grantCheck(check, granted)), true));
        for (String id : rewrite.statements()) {
          Element select = (Element) ours.importNode(byId(engine, "select", id), true);
          select.setAttribute("id", id + suffix);
          if (select.hasAttribute("resultMap")) {
            select.setAttribute("resultMap", rewrite.namespace() + "." + select.getAttribute("resultMap"));
          }
          qualifyIncludes(select, rewrite, suffix);
          // A list looks each row's grants up (it stops after a page, or lists the variables of a page's tasks); a
          // count lets PostgreSQL choose. See grantCondition.
          for (Element include : elements(select, "include")) {
            if (include.getAttribute("refid").endsWith(rewrite.criteria() + suffix)) {
              Element lookup = ours.createElement("property");
              lookup.setAttribute("name", "lookup");
              lookup.setAttribute("value", "long".equals(select.getAttribute("resultType")) ? "" : "offset 0");
              include.appendChild(lookup);
            }
          }
          root.appendChild(select);
          replaced.put(id, id + suffix);
        }
      }
      root.appendChild(ours.importNode(parse(builder, GROUPS_WITH_AUTHORIZATIONS), true));
      return serialize(ours);
    } catch (IOException | SAXException | ParserConfigurationException | TransformerException e) {
      throw new IllegalStateException("could not derive the authorization queries", e);
    }
  }

  /** The check that replaces the engine's: the same grants, asked as {@link #grantCondition}. */
  private static String grantCheck(String id, List<String> granted) {
    return """
        <sql id="%s">
          <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
            <choose>
              <when test="authCheck.revokeAuthorizationCheckEnabled">
                <include refid="%s.contextualAuthorizationCheck" />
              </when>
              <otherwise>
                %s
              </otherwise>
            </choose>
          </if>
        </sql>""".formatted(id, AUTH_NAMESPACE,
        grantCondition("applyAuthorizationCheckForCaseInstances", "RES.CASE_EXECUTION_ID_", granted, "${lookup}"));
  }

  /**
   * "A grant of the user or their groups names one of these resource ids", as a condition of a query whose parameter
   * carries the engine's {@code authCheck}; rows of case tasks ({@code caseColumn} set) pass when {@code caseTest}
   * holds, as in the engine. A grant on everything ({@code '*'}) is asked first, once per query. Each resource id is
   * then asked as "a grant names it", which PostgreSQL answers either by one set of the user's grants built for the
   * whole query or by a look-up in the grants' index of resource ids for each row. {@code lookup} is appended to
   * each per-row question: {@code offset 0} makes it a look-up always, which lists use (a page of 15 tasks, the
   * variables of a page's tasks), since PostgreSQL weighs the two ways by all the rows a query could see and not by
   * the few that a LIMIT or a page's task ids let it read: a page of the dispatch centre's queue built the set of its
   * 10,000 grants, 7 ms instead of 0.2, and so did the variables of the page's tasks, 4.5 ms. Counts pass an empty
   * {@code lookup}: for them the set is right (a queue of 10,000 tasks).
   */
  static String grantCondition(String caseTest, String caseColumn, List<String> granted, String lookup) {
    StringBuilder sets = new StringBuilder();
    if (granted.contains("'*'")) {
      sets.append("exists (select 1 from ").append(GRANTS).append(" G where G.RESOURCE_ID_ = '*')");
    }
    for (String expression : granted) {
      if (!expression.equals("'*'")) {
        sets.append(sets.isEmpty() ? "" : "\n            or ");
        sets.append("exists (select 1 from ").append(GRANTS).append(" G where G.RESOURCE_ID_ = ").append(expression)
            .append(lookup.isEmpty() ? "" : " " + lookup).append(")");
      }
    }
    return """
        <bind name="authGroupIds" value="authCheck.authGroupIds" />
        <bind name="atomicChecks" value="authCheck.permissionChecks.atomicChecks" />
        <bind name="disjunctive" value="authCheck.permissionChecks.disjunctive" />
        and (
          <if test="%s">%s is not null or</if>
          %s
        )""".formatted(caseTest, caseColumn, sets);
  }

  /**
   * Removes the join with the grants from the FROM clause and answers the resource ids it compared the grants' ids
   * with, in order (for the task query: {@code RES.ID_}, {@code D.KEY_}, {@code '*'}).
   */
  private static List<String> removeAuthorizationJoin(Element criteria, Rewrite rewrite) {
    List<Element> joins = elements(criteria, "include").stream()
        .filter(e -> e.getAttribute("refid").equals(AUTH_NAMESPACE + ".authCheckJoinWithoutOnClause")).toList();
    if (joins.size() != 1) {
      throw changed(rewrite, "one authorization join");
    }
    Element join = joins.get(0);
    Node condition = join.getNextSibling();
    Matcher m = condition == null || condition.getNodeType() != Node.TEXT_NODE ? null
        : JOIN_CONDITION.matcher(condition.getNodeValue());
    if (m == null || !m.find()) {
      throw changed(rewrite, "the join condition AUTH.RESOURCE_ID_ in (...)");
    }
    List<String> granted = Arrays.stream(m.group(1).split(Pattern.quote("${authJoinSeparator}")))
        .map(String::strip).toList();
    if (!granted.contains("'*'") || granted.stream().anyMatch(String::isEmpty)) {
      throw changed(rewrite, "a join condition of resource ids and '*'");
    }
    condition.setNodeValue(condition.getNodeValue().substring(m.end()));
    join.getParentNode().removeChild(join);
    return granted;
  }

  private static void replaceCheck(Element criteria, Rewrite rewrite, String check) {
    List<Element> found = elements(criteria, "include").stream().filter(e -> e.getAttribute("refid")
        .equals(AUTH_NAMESPACE + ".contextualAuthorizationCheck")).toList();
    if (found.size() != 1) {
      throw changed(rewrite, "one contextual authorization check");
    }
    found.get(0).setAttribute("refid", check);
  }

  /** Includes of the engine's own fragments keep pointing at them; the criteria become ours. */
  private static void qualifyIncludes(Element element, Rewrite rewrite, String suffix) {
    for (Element include : elements(element, "include")) {
      String refid = include.getAttribute("refid");
      if (refid.equals(rewrite.criteria())) {
        include.setAttribute("refid", refid + suffix);
      } else if (!refid.contains(".")) {
        include.setAttribute("refid", rewrite.namespace() + "." + refid);
      }
    }
  }

  private static IllegalStateException changed(Rewrite rewrite, String what) {
    return new IllegalStateException("Camunda's mapping " + rewrite.mapping() + " (" + rewrite.criteria()
        + ") no longer has " + what + " where AuthorizationQueries expects it: review the class for this engine");
  }

  private static Document engineMapping(DocumentBuilder builder, String file) throws IOException, SAXException {
    String resource = "org/camunda/bpm/engine/impl/mapping/entity/" + file;
    try (InputStream in = AuthorizationQueries.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return builder.parse(in);
    }
  }

  private static Element parse(DocumentBuilder builder, String xml) throws IOException, SAXException {
    return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
  }

  private static Element byId(Document document, String tag, String id) {
    List<Element> found = elements(document.getDocumentElement(), tag).stream()
        .filter(e -> id.equals(e.getAttribute("id"))).toList();
    if (found.size() != 1) {
      throw new IllegalStateException("Camunda's mappings no longer have <" + tag + " id=\"" + id + "\">: review "
          + "AuthorizationQueries for this engine");
    }
    return found.get(0);
  }

  private static List<Element> elements(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    List<Element> list = new ArrayList<>(nodes.getLength());
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  private static DocumentBuilder documentBuilder() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setNamespaceAware(false);
    return factory.newDocumentBuilder();
  }

  private static byte[] serialize(Document document) throws TransformerException {
    Transformer transformer = TransformerFactory.newInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    transformer.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, "-//mybatis.org//DTD Mapper 3.0//EN");
    transformer.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, "http://mybatis.org/dtd/mybatis-3-mapper.dtd");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    transformer.transform(new DOMSource(document), new StreamResult(out));
    return out.toByteArray();
  }
}
