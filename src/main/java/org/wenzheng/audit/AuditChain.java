package org.wenzheng.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.wenzheng.data.Rows;

/**
 * The tamper-evident seal on the appeal journal ({@code appeal_event}). Steps write their events in their own
 * transactions, in parallel; the sealer then appends every committed event to one chain, in the order it seals them:
 * {@code hash = SHA-256(chain_seq, id, appeal_id, occurred_at, type, actor, actor_unit, detail, prev_hash)}. Sealing
 * after commit, rather than in the step, keeps steps from queueing behind one lock (and from deadlocking on it).
 * {@link #verify()} recomputes the chain from the first event and names the first link that does not hold.
 */
@Service
public class AuditChain {

  /** The previous hash of the first event. */
  static final String GENESIS = "0".repeat(64);
  /** One sealer at a time, across nodes: a PostgreSQL advisory lock held for the sealing transaction. */
  private static final long SEAL_LOCK = 0x5A48_4155_4449_5401L;
  private static final int BATCH = 1000;
  private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

  private final JdbcClient jdbc;
  /** Its own template, to stream the chain in pages of 5,000 rows without changing the shared one. */
  private final JdbcTemplate streaming;
  private final TransactionTemplate tx;

  AuditChain(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(5000);
    this.tx = tx;
  }

  record Event(long id, long appealId, OffsetDateTime occurredAt, String type, String actor, String actorUnit,
      String detail) {
  }

  /**
   * The result of a verification: whether the chain holds, how many links were checked (up to the first broken one),
   * how many events still wait for their seal, and if the chain does not hold, where it first breaks.
   */
  public record Verification(boolean intact, long checkedEvents, long unsealedEvents, Long lastChainSeq,
      String lastHash, Broken firstBroken) {
  }

  /** The first link that does not hold: which event, and what is wrong with it. */
  public record Broken(long chainSeq, Long eventId, Long appealId, String problem) {
  }

  /** Seals what has been committed since the last run; the interval is {@code wenzheng.audit.seal-interval}. */
  @Scheduled(fixedDelayString = "${wenzheng.audit.seal-interval}",
      initialDelayString = "${wenzheng.audit.seal-interval}")
  void sealPeriodically() {
    try {
      int sealed;
      do {
        sealed = seal();
      } while (sealed == BATCH);
    } catch (RuntimeException e) {
      log.warn("Sealing the audit chain failed; the next run retries: {}", e.toString());
    }
  }

  /**
   * Seals up to one batch of committed, unsealed events, oldest first.
   *
   * @return how many were sealed (0 when another node is sealing right now)
   */
  public int seal() {
    Integer sealed = tx.execute(status -> {
      if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(SEAL_LOCK)
          .query(Boolean.class).single())) {
        return 0;
      }
      record Last(long chainSeq, String hash) {
      }
      Last last = jdbc.sql("select chain_seq, hash from appeal_event where chain_seq is not null "
              + "order by chain_seq desc limit 1").query(Rows.of(Last.class)).optional().orElse(new Last(0, GENESIS));
      List<Event> events = jdbc.sql("select id, appeal_id, occurred_at, type, actor, actor_unit, detail::text "
              + "as detail from appeal_event where chain_seq is null order by id limit " + BATCH)
          .query(Rows.of(Event.class)).list();
      long seq = last.chainSeq();
      String prev = last.hash();
      for (Event e : events) {
        seq++;
        String hash = hash(seq, e, prev);
        jdbc.sql("update appeal_event set chain_seq = ?, prev_hash = ?, hash = ? where id = ?")
            .params(seq, prev, hash, e.id()).update();
        prev = hash;
      }
      return events.size();
    });
    return sealed == null ? 0 : sealed;
  }

  /**
   * Recomputes the whole chain in order. A changed event breaks its own hash; a deleted or inserted one breaks the
   * sequence or the link to the previous hash. Streams the rows, so it works on millions of events.
   */
  public Verification verify() {
    AtomicReference<Broken> broken = new AtomicReference<>();
    long[] count = {0};
    String[] prev = {GENESIS};
    tx.executeWithoutResult(status -> {
      streaming.query("select chain_seq, prev_hash, hash, id, appeal_id, occurred_at, type, actor, actor_unit, "
          + "detail::text as detail from appeal_event where chain_seq is not null order by chain_seq", rs -> {
            if (broken.get() != null) {
              return;
            }
            long seq = rs.getLong("chain_seq");
            Event e = new Event(rs.getLong("id"), rs.getLong("appeal_id"),
                rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("type"), rs.getString("actor"),
                rs.getString("actor_unit"), rs.getString("detail"));
            long expected = count[0] + 1;
            if (seq != expected) {
              broken.set(new Broken(expected, null, null, "第 " + expected + " 条记录缺失（链序号跳到 " + seq
                  + "），记录被删除或插入"));
            } else if (!prev[0].equals(rs.getString("prev_hash"))) {
              broken.set(new Broken(seq, e.id(), e.appealId(), "与上一条记录的链接不符，上一条记录被改动或替换"));
            } else if (!hash(seq, e, prev[0]).equals(rs.getString("hash"))) {
              broken.set(new Broken(seq, e.id(), e.appealId(), "记录内容与其哈希不符，记录被改动"));
            } else {
              count[0] = seq;
              prev[0] = rs.getString("hash");
            }
          });
    });
    long unsealed = jdbc.sql("select count(*) from appeal_event where chain_seq is null").query(Long.class).single();
    Broken first = broken.get();
    if (first != null) {
      log.error("Audit chain broken at link {}: {}", first.chainSeq(), first.problem());
    }
    return new Verification(first == null, count[0], unsealed, count[0] == 0 ? null : count[0],
        count[0] == 0 ? null : prev[0], first);
  }

  static String hash(long seq, Event e, String prev) {
    String content = String.join("\n", Long.toString(seq), Long.toString(e.id()), Long.toString(e.appealId()),
        e.occurredAt().toInstant().toString(), e.type(), e.actor(), e.actorUnit() == null ? "" : e.actorUnit(),
        e.detail(), prev);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
