package org.wenzheng.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/** What a second node of the application has of its own in tests: a connection pool to the same database. */
public final class SecondNode {

  private SecondNode() {
  }

  /** A small pool of its own on the database {@code ours} connects to; close it after the test. */
  public static HikariDataSource pool(DataSource ours) throws SQLException {
    HikariDataSource first = ours.unwrap(HikariDataSource.class);
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(first.getJdbcUrl());
    pool.setUsername(first.getUsername());
    pool.setPassword(first.getPassword());
    pool.setMaximumPoolSize(2);
    pool.setPoolName("second-node");
    return pool;
  }
}
