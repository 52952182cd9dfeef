package org.wenzheng.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wenzheng.calendar.EngineClock;
import org.wenzheng.data.Rows;

/**
 * Client applications allowed to create Open311 requests, each with its own API key, issued and revoked by an
 * administrator. Only the key's SHA-256 is stored: a leaked database does not leak working keys.
 */
@Service
public class Open311Clients {

  public record Client(long id, String name, String keyPrefix, String createdBy, OffsetDateTime createdAt,
      String revokedBy, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
  }

  /** A new client with its key, shown to the administrator this once. */
  public record Issued(Client client, String apiKey) {
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS = "id, name, key_prefix, created_by, created_at, revoked_by, revoked_at, "
      + "last_used_at";

  private final JdbcClient jdbc;

  Open311Clients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Issued issue(String name, String issuedBy) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = "wz_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long id = jdbc.sql("""
            insert into open311_client (name, key_hash, key_prefix, created_by, created_at)
            values (?, ?, ?, ?, ?) returning id""")
        .params(name, hash(key), key.substring(0, 10), issuedBy, EngineClock.nowUtc()).query(Long.class).single();
    return new Issued(get(id).orElseThrow(), key);
  }

  /** @return whether a client that was active is now revoked */
  public boolean revoke(long id, String revokedBy) {
    return jdbc.sql("update open311_client set revoked_by = ?, revoked_at = ? where id = ? and revoked_at is null")
        .params(revokedBy, EngineClock.nowUtc(), id).update() == 1;
  }

  public List<Client> all() {
    return jdbc.sql("select " + COLUMNS + " from open311_client order by id").query(Rows.of(Client.class)).list();
  }

  public Optional<Client> get(long id) {
    return jdbc.sql("select " + COLUMNS + " from open311_client where id = ?").param(id).query(Rows.of(Client.class))
        .optional();
  }

  /** The active client this key belongs to. */
  public Optional<Client> authenticate(String apiKey) {
    if (apiKey == null || apiKey.isBlank() || apiKey.length() > 100) {
      return Optional.empty();
    }
    Optional<Client> client = jdbc.sql("select " + COLUMNS + " from open311_client where key_hash = ? "
        + "and revoked_at is null").param(hash(apiKey.strip())).query(Rows.of(Client.class)).optional();
    client.ifPresent(c -> jdbc.sql("update open311_client set last_used_at = ? where id = ?")
        .params(EngineClock.nowUtc(), c.id()).update());
    return client;
  }

  static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
