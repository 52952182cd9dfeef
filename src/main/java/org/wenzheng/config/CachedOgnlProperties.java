package org.wenzheng.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;

/**
 * How the engine's SQL is built, made cheaper: Camunda writes its queries as MyBatis XML with hundreds of conditions
 * such as {@code <if test="query.taskId != null">}, which MyBatis evaluates with OGNL on every query. For a property
 * without a JavaBean getter (Camunda has many: {@code isOrQueryActive}, {@code shouldPerformAuthorizatioCheck})
 * OGNL looks the method up again each time by scanning every public method of the class with lower-cased names:
 * building the SQL of one task query took longer than PostgreSQL took to run it. This accessor finds each
 * (class, property) method once, exactly as OGNL finds it, and remembers it; everything else is OGNL's own.
 */
final class CachedOgnlProperties extends ObjectPropertyAccessor {

  private static final Object[] NO_ARGUMENTS = new Object[0];
  private final Map<Class<?>, Map<String, Optional<Method>>> methods = new ConcurrentHashMap<>();

  /** Installs the accessor for every object MyBatis' OGNL reads (maps and lists keep their own accessors). */
  static void install() {
    OgnlRuntime.setPropertyAccessor(Object.class, new CachedOgnlProperties());
  }

  @Override
  public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
    if (target != null) {
      Method method = methods.computeIfAbsent(target.getClass(), c -> new ConcurrentHashMap<>())
          .computeIfAbsent(name, n -> Optional.ofNullable(find(target.getClass(), n))).orElse(null);
      if (method != null && context.getMemberAccess().isAccessible(context, target, method, name)) {
        try {
          return OgnlRuntime.invokeMethod(target, method, NO_ARGUMENTS);
        } catch (InvocationTargetException e) {
          throw new OgnlException(name, e.getTargetException());
        } catch (IllegalAccessException e) {
          throw new OgnlException(name, e);
        }
      }
    }
    return super.getPossibleProperty(context, target, name);
  }

  /** The method OGNL reads {@code name} with: its JavaBean getter, else a no-argument method by that name. */
  private static Method find(Class<?> type, String name) {
    Method method = OgnlRuntime.getGetMethod(type, name);
    return method != null ? method : OgnlRuntime.getReadMethod(type, name, null);
  }
}
