package org.wenzheng.data;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.modulith.NamedInterface;

/**
 * Row mappers for our records, one per record type. Spring's {@code JdbcClient.query(SomeRecord.class)} and
 * {@code DataClassRowMapper} look each component up by asking the driver for a column named like it
 * ({@code trackingNumber}) and, when PostgreSQL's driver answers with an exception, by its underscored name
 * ({@code tracking_number}): one exception, with its stack trace, per camel-case component per row. Loading an
 * appeal (50 columns) cost more than its query, and those exceptions were a tenth of the application's CPU under
 * load. Here a result's columns are matched to the components once per column layout and read by index.
 *
 * <p>A component with no column of its name gets null (or false, 0 for primitives), as with Spring's mappers.
 */
@NamedInterface("rows")
public final class Rows {

  private static final Map<Class<?>, RowMapper<?>> MAPPERS = new ConcurrentHashMap<>();
  private static final ConversionService CONVERSIONS = DefaultConversionService.getSharedInstance();

  @SuppressWarnings("unchecked")
  public static <T> RowMapper<T> of(Class<T> type) {
    return (RowMapper<T>) MAPPERS.computeIfAbsent(type, RecordMapper::new);
  }

  private Rows() {
  }

  private static final class RecordMapper<T> implements RowMapper<T> {

    private final Constructor<T> constructor;
    private final String[] names;
    private final Class<?>[] types;
    /** The column layout seen last and where each component is in it (1-based; 0 = no such column). */
    private volatile Layout layout;

    private record Layout(String[] labels, int[] index) {
    }

    RecordMapper(Class<T> type) {
      if (!type.isRecord()) {
        throw new IllegalArgumentException(type + " is not a record");
      }
      RecordComponent[] components = type.getRecordComponents();
      names = new String[components.length];
      types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        names[i] = components[i].getName();
        types[i] = components[i].getType();
      }
      try {
        constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(type + " has no canonical constructor", e);
      }
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
      int[] index = layoutOf(rs.getMetaData()).index();
      Object[] args = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        Object value = index[i] == 0 ? null : JdbcUtils.getResultSetValue(rs, index[i], types[i]);
        args[i] = convert(value, types[i]);
      }
      try {
        return constructor.newInstance(args);
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("could not make a " + constructor.getDeclaringClass().getSimpleName(), e);
      }
    }

    private Layout layoutOf(ResultSetMetaData md) throws SQLException {
      int count = md.getColumnCount();
      Layout known = layout;
      if (known != null && known.labels().length == count) {
        boolean same = true;
        for (int c = 0; c < count && same; c++) {
          same = known.labels()[c].equals(md.getColumnLabel(c + 1));
        }
        if (same) {
          return known;
        }
      }
      String[] labels = new String[count];
      Map<String, Integer> byName = new HashMap<>();
      for (int c = 0; c < count; c++) {
        labels[c] = md.getColumnLabel(c + 1);
        byName.putIfAbsent(labels[c].toLowerCase(Locale.ROOT).replace("_", ""), c + 1);
      }
      int[] index = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        index[i] = byName.getOrDefault(names[i].toLowerCase(Locale.ROOT), 0);
      }
      Layout fresh = new Layout(labels, index);
      layout = fresh;
      return fresh;
    }

    private static Object convert(Object value, Class<?> type) {
      if (value == null) {
        if (type == boolean.class) {
          return false;
        }
        if (type.isPrimitive()) {
          return CONVERSIONS.convert(0, type);
        }
        return null;
      }
      if (type.isInstance(value) || (type.isPrimitive() && !type.isEnum()
          && org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type).isInstance(value))) {
        return value;
      }
      return CONVERSIONS.convert(value, type);
    }
  }
}
