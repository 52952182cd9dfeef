package org.wenzheng;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner for each of our tables ({@code db/table-owners.properties}): Spring Modulith sees calls between the
 * capabilities but not SQL, so this reads the SQL in every class. A write (insert, update, delete) by a package
 * that does not own the table fails, as does a table without an owner. Other packages read what the owner publishes:
 * its query methods, or its views in schema {@code published} (migration V13), which nobody writes. Any other read
 * of another capability's table must be listed in {@code architecture/outside-reads.txt} (empty now): a new one fails,
 * and so does a listed one that is gone. A package allowed to write a table (the audit chain's seal) may read it.
 */
class TableOwnershipTest {

  private static final Pattern WRITE = Pattern.compile(
      "\\b(?:insert\\s+into|delete\\s+from)\\s+([a-z_][a-z0-9_]*)|\\bupdate\\s+([a-z_][a-z0-9_]*)\\s+set\\b",
      Pattern.CASE_INSENSITIVE);
  /**
   * A read of a table ({@code from appeal}; table names are lower case, so "called from Appeal" in a comment is not
   * one); a published view ({@code from published.appeal}) is not one either.
   */
  private static final Pattern READ = Pattern.compile("\\b(?i:from|join)\\s+([a-z_][a-z0-9_]*)\\b(?!\\.)");
  private static final Pattern VIEW = Pattern.compile("create view\\s+published\\.([a-z_][a-z0-9_]*)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern VIEW_WRITE = Pattern.compile(
      "\\b(?:insert\\s+into|delete\\s+from|update)\\s+published\\.", Pattern.CASE_INSENSITIVE);
  private static final Pattern CREATE = Pattern.compile("create table\\s+([a-z_][a-z0-9_]*)",
      Pattern.CASE_INSENSITIVE);

  @Test
  void onlyTheOwnerWritesATableAndOutsideReadsDoNotGrow() throws IOException {
    Properties owners = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/db/table-owners.properties")) {
      owners.load(in);
    }
    Set<String> allowedWrites = Set.of(owners.getProperty("allowed.writes", "").split("\\s*,\\s*"));
    Set<String> tables = new TreeSet<>();
    Set<String> views = new TreeSet<>();
    try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
      for (Path m : migrations.toList()) {
        String sql = Files.readString(m);
        Matcher c = CREATE.matcher(sql);
        while (c.find()) {
          tables.add(c.group(1).toLowerCase());
        }
        Matcher v = VIEW.matcher(sql);
        while (v.find()) {
          views.add(v.group(1).toLowerCase());
        }
      }
    }
    assertThat(tables).as("tables without an owner in db/table-owners.properties")
        .allMatch(owners::containsKey);
    assertThat(views).as("published views that publish no table of the same name").allMatch(tables::contains);

    List<String> foreignWrites = new ArrayList<>();
    Set<String> outsideReads = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/wenzheng"))) {
      for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = Path.of("src/main/java/org/wenzheng").relativize(f).getName(0).toString();
        String code = Files.readString(f);
        Matcher w = WRITE.matcher(code);
        while (w.find()) {
          String table = (w.group(1) != null ? w.group(1) : w.group(2)).toLowerCase();
          if (tables.contains(table) && !pkg.equals(owners.getProperty(table))
              && !allowedWrites.contains(pkg + ":" + table)) {
            foreignWrites.add(f.getFileName() + " (" + pkg + ") writes " + table + ", owned by "
                + owners.getProperty(table));
          }
        }
        if (VIEW_WRITE.matcher(code).find()) {
          foreignWrites.add(f.getFileName() + " (" + pkg + ") writes a published view");
        }
        Matcher r = READ.matcher(code);
        while (r.find()) {
          String table = r.group(1);
          if (tables.contains(table) && !pkg.equals(owners.getProperty(table))
              && !allowedWrites.contains(pkg + ":" + table)) {
            outsideReads.add(pkg + ":" + table);
          }
        }
      }
    }
    assertThat(foreignWrites).as("writes by a package that does not own the table").isEmpty();
    Set<String> listed = new TreeSet<>(Files.readAllLines(Path.of("src/test/resources/architecture/outside-reads.txt"))
        .stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
    assertThat(outsideReads).as("reads of another capability's table (new ones: use the owner's query methods; "
        + "gone ones: remove them from architecture/outside-reads.txt)").isEqualTo(listed);
  }
}
