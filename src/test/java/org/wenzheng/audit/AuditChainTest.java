package org.wenzheng.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wenzheng.appeal.Appeal;
import org.wenzheng.support.Api;
import org.wenzheng.support.Scenario;
import org.wenzheng.support.WenzhengTest;

/**
 * Tamper evidence: every journal event is sealed into one hash chain; the table refuses edits and deletions; and
 * someone who gets past that (a database administrator disabling the trigger) is found by the verifier, which names
 * the first broken link.
 */
@WenzhengTest
class AuditChainTest {

  @LocalServerPort int port;
  @Autowired Scenario scenario;
  @Autowired AuditChain chain;
  @Autowired JdbcClient jdbc;

  private void sealAll() {
    while (chain.seal() > 0) {
      // until nothing committed is left unsealed
    }
  }

  private void asDatabaseAdministrator(String sql, Object... params) {
    jdbc.sql("alter table appeal_event disable trigger appeal_event_append_only").update();
    try {
      jdbc.sql(sql).params(params).update();
    } finally {
      jdbc.sql("alter table appeal_event enable trigger appeal_event_append_only").update();
    }
  }

  @Test
  void shouldSealEveryEventAndFindTheOneEditedInTheDatabase() {
    Appeal appeal = scenario.submit();
    scenario.review(appeal, "cgw");
    scenario.acknowledge(appeal, "cgw");
    scenario.reply(appeal, "cgw", "RESOLVED", "路灯已于今日修复。");
    sealAll();
    Api api = new Api(port);

    Api.Response intact = api.get("/api/audit/verify", "auditor");
    assertThat(intact.status()).isEqualTo(200);
    assertThat(intact.json().get("intact").asBoolean()).isTrue();
    assertThat(intact.json().get("checkedEvents").asLong()).isPositive()
        .isEqualTo(intact.json().get("lastChainSeq").asLong());
    assertThat(api.get("/api/audit/verify", "cgw1").status()).isEqualTo(403);

    // The application's own database user cannot change or delete an event.
    record Row(long id, String detail) {
    }
    Row handled = jdbc.sql("select id, detail::text as detail from appeal_event where appeal_id = ? "
        + "and type = 'HANDLED'").param(appeal.id()).query(Row.class).single();
    assertThatThrownBy(() -> jdbc.sql("update appeal_event set detail = '{}'::jsonb where id = ?")
        .param(handled.id()).update()).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from appeal_event where id = ?").param(handled.id()).update())
        .hasMessageContaining("append-only");

    // An administrator rewrites the unit's answer behind the system's back: the verifier names that event.
    asDatabaseAdministrator("update appeal_event set detail = jsonb_set(detail, '{replyText}', "
        + "'\"已处理。\"'::jsonb) where id = ?", handled.id());
    JsonNode broken = api.get("/api/audit/verify", "auditor").json();
    assertThat(broken.get("intact").asBoolean()).isFalse();
    assertThat(broken.get("firstBroken").get("eventId").asLong()).isEqualTo(handled.id());
    assertThat(broken.get("firstBroken").get("appealId").asLong()).isEqualTo(appeal.id());
    assertThat(broken.get("firstBroken").get("problem").asText()).contains("记录被改动");

    // Put back exactly as it was, the chain holds again: the hashes are of the content, nothing else.
    asDatabaseAdministrator("update appeal_event set detail = cast(? as jsonb) where id = ?", handled.detail(),
        handled.id());
    assertThat(chain.verify().intact()).isTrue();

    // Deleting an event breaks the sequence at that link.
    long seq = jdbc.sql("select chain_seq from appeal_event where id = ?").param(handled.id()).query(Long.class)
        .single();
    Map<String, Object> saved = jdbc.sql("select * from appeal_event where id = ?").param(handled.id()).query()
        .singleRow();
    asDatabaseAdministrator("delete from appeal_event where id = ?", handled.id());
    AuditChain.Verification gap = chain.verify();
    assertThat(gap.intact()).isFalse();
    assertThat(gap.firstBroken().chainSeq()).isEqualTo(seq);
    assertThat(gap.firstBroken().problem()).contains("缺失");
    asDatabaseAdministrator("""
            insert into appeal_event (id, appeal_id, occurred_at, type, actor, actor_unit, detail, chain_seq, prev_hash,
                hash) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""", saved.get("id"), saved.get("appeal_id"),
        saved.get("occurred_at"), saved.get("type"), saved.get("actor"), saved.get("actor_unit"),
        String.valueOf(saved.get("detail")), saved.get("chain_seq"), saved.get("prev_hash"), saved.get("hash"));
    assertThat(chain.verify().intact()).isTrue();
  }
}
