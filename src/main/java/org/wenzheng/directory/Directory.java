package org.wenzheng.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.wenzheng.data.Rows;

/** The units and mailboxes of the city. Read on every review, so the queries are kept trivial. */
@Service
@NamedInterface("directory")
public class Directory {

  private final JdbcClient jdbc;

  Directory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Unit> units() {
    return jdbc.sql("select code, name, kind, parent_code, email, active from unit order by kind, code")
        .query(Rows.of(Unit.class)).list();
  }

  /** Units a dispatcher may send appeals to, in the order they are offered: city departments, then districts. */
  public List<Unit> dispatchableUnits() {
    return units().stream().filter(Unit::active).toList();
  }

  public Optional<Unit> unit(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql("select code, name, kind, parent_code, email, active from unit where code = ?")
        .param(code).query(Rows.of(Unit.class)).optional();
  }

  public boolean isActiveUnit(String code) {
    return unit(code).map(Unit::active).orElse(false);
  }

  public String unitName(String code) {
    return unit(code).map(Unit::name).orElse(code);
  }

  public List<Mailbox> mailboxes() {
    return jdbc.sql("select code, name, unit_code, active from mailbox order by unit_code nulls first, code")
        .query(Rows.of(Mailbox.class)).list();
  }

  public Optional<Mailbox> mailbox(String code) {
    return jdbc.sql("select code, name, unit_code, active from mailbox where code = ?")
        .param(code).query(Rows.of(Mailbox.class)).optional();
  }
}
