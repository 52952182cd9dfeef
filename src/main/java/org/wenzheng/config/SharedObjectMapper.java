package org.wenzheng.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * One JSON mapper for Camunda's REST API, at both its doors ({@code /engine-rest} and the webapps' own
 * {@code /camunda/api/...}), instead of a new one for every request. Camunda's {@link JacksonConfigurator} builds a
 * new {@link ObjectMapper} each time it is asked (several times per request), and a new mapper knows none of the
 * serializers and deserializers it built before: for a page of Tasklist's queue a fifth of the request's CPU went to
 * building them again. This resolver answers first, with one mapper configured by Camunda's own
 * {@link JacksonConfigurator#configureObjectMapper} (its date format, unknown properties ignored, Java time), so the
 * JSON is byte for byte what Camunda writes. Sharing is safe: an {@code ObjectMapper} is thread-safe once
 * configured, Camunda's REST code only reads with it, and Jackson copies the (non thread-safe) date format for each
 * use.
 *
 * <p>Registered by {@link Discovery} with every Jersey application that registers {@link JacksonConfigurator} (Spring
 * Boot's {@code /engine-rest}, the webapps' engine, Cockpit, Tasklist and Admin APIs); {@code SharedObjectMapperTest}
 * shows it is the one asked at each door.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
// Jersey asks the resolvers of one type in descending priority and takes the first answer; Camunda's has none.
@Priority(Integer.MAX_VALUE)
public class SharedObjectMapper implements ContextResolver<ObjectMapper> {

  private static final AtomicLong ANSWERED = new AtomicLong();
  private static volatile Configured configured;

  @Override
  public ObjectMapper getContext(Class<?> type) {
    ANSWERED.incrementAndGet();
    Configured current = configured;
    // Camunda lets a deployment set its date format (a context parameter read at start-up): follow it.
    if (current == null || !current.dateFormat().equals(JacksonConfigurator.dateFormatString)) {
      String dateFormat = JacksonConfigurator.dateFormatString;
      current = new Configured(dateFormat, JacksonConfigurator.configureObjectMapper(new ObjectMapper()));
      configured = current;
    }
    return current.mapper();
  }

  /** How often a Jersey application asked this resolver for a mapper, since the JVM started (tests read it). */
  public static long answered() {
    return ANSWERED.get();
  }

  private record Configured(String dateFormat, ObjectMapper mapper) {}

  /**
   * Registers the resolver with every Jersey application that uses Camunda's {@link JacksonConfigurator}: Spring
   * Boot's {@code /engine-rest} and the webapps' own APIs, which the webapps' starter registers as servlets of their
   * own (Jersey finds this class through {@code META-INF/services}).
   */
  public static final class Discovery implements AutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      Configuration configuration = context.getConfiguration();
      if (configuration.isRegistered(JacksonConfigurator.class)
          && !configuration.isRegistered(SharedObjectMapper.class)) {
        context.register(SharedObjectMapper.class);
      }
    }
  }
}
