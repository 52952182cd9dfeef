package org.wenzheng.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.wenzheng.data.Rows;
import org.wenzheng.directory.Directory;
import org.wenzheng.directory.UnitKind;

/**
 * Keeps the routing model ({@link RoutingModel}) in step with the dispatch centre's work: built from the latest
 * {@code wenzheng.routing.learn-max} dispatches (20,000 by default: a few months of a large city, current
 * responsibilities, and a suggestion that costs the same at any size; the unit an appeal has now, so a return the
 * dispatch centre agreed to corrects the first choice) and the units' responsibilities; built anew when a dispatch was
 * made or changed, or responsibilities changed, since (checked every five minutes on each node,
 * {@code wenzheng.routing.refresh-interval}), and at once on the node where responsibilities were changed.
 * Suggestions use the model in hand while the next one is built.
 */
@Component
class RoutingIndex {

  private static final Logger log = LoggerFactory.getLogger(RoutingIndex.class);

  private final JdbcClient jdbc;
  private final Directory directory;
  private final int learnMax;
  final int dutyWeight;
  private volatile RoutingModel model;
  private volatile String builtFrom;
  /** Open once a model of the dispatches (not of the responsibilities alone) is in hand. */
  private final CountDownLatch learned = new CountDownLatch(1);

  RoutingIndex(JdbcClient jdbc, Directory directory, @Value("${wenzheng.routing.learn-max:20000}") int learnMax,
      @Value("${wenzheng.routing.duty-weight:3}") int dutyWeight) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.learnMax = learnMax;
    this.dutyWeight = dutyWeight;
  }

  /**
   * The model in hand. Until the first full build is done (it starts when the application is ready and runs in the
   * background, so neither start-up nor an intake waits for a year of dispatches), the model of the responsibilities
   * alone, which takes milliseconds.
   */
  RoutingModel model() {
    RoutingModel m = model;
    if (m == null) {
      synchronized (this) {
        if (model == null) {
          model = RoutingModel.of(List.of(), duties(), names(), dutyWeight);
        }
        m = model;
      }
    }
    return m;
  }

  @EventListener(ApplicationReadyEvent.class)
  void buildWhenReady() {
    Thread builder = new Thread(this::refreshIfChanged, "routing-model");
    builder.setDaemon(true);
    builder.start();
  }

  /** Rebuilds when a dispatch was made or changed since the last build (or none was built yet). */
  @Scheduled(fixedDelayString = "${wenzheng.routing.refresh-interval:PT5M}",
      initialDelayString = "${wenzheng.routing.refresh-interval:PT5M}")
  void refreshIfChanged() {
    try {
      if (!fingerprint().equals(builtFrom)) {
        rebuild();
      }
    } catch (RuntimeException e) {
      log.warn("Refreshing the routing model failed; the next run retries: {}", e.toString());
    }
  }

  /** A change on this node is learned at once; the other nodes see it in the fingerprint at their next check. */
  @TransactionalEventListener(fallbackExecution = true)
  void on(Directory.ResponsibilitiesChanged changed) {
    refreshIfChanged();
  }

  /** Uses this model until the dispatches change (benchmarks: a model of a city's size without its database). */
  synchronized void use(RoutingModel given) {
    model = given;
    builtFrom = fingerprint();
    learned.countDown();
  }

  /**
   * Waits until the past dispatches have been learned since start (at most {@code timeout}): a suggestion made in the
   * background should not be made from the responsibilities alone while the first model is being built.
   */
  void awaitLearned(Duration timeout) {
    try {
      learned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Builds the model anew from the dispatches and responsibilities as they are now. */
  synchronized void rebuild() {
    long started = System.nanoTime();
    String from = fingerprint();
    Set<String> districts = directory.units().stream().filter(u -> u.kind() == UnitKind.DISTRICT)
        .map(u -> u.code()).collect(Collectors.toSet());
    List<RoutingModel.Example> examples = jdbc.sql("""
            select concat_ws('。', a.title, a.content) as text, a.department_code as unit,
                   coalesce(a.appeal_type, a.requested_type) as type, a.complexity, a.urgent
            from published.appeal a
            where a.dispatched_at is not null and a.department_code is not null
            order by a.dispatched_at desc, a.id desc limit :max""")
        .param("max", learnMax)
        .query(Rows.of(RoutingModel.Example.class)).list().stream()
        .map(e -> new RoutingModel.Example(e.text(), districts.contains(e.unit()) ? RoutingModel.LOCAL : e.unit(),
            e.type(), e.complexity(), e.urgent()))
        .toList();
    RoutingModel built = RoutingModel.of(examples, duties(), names(), dutyWeight);
    // The old model is not closed: a suggestion may still be reading it. It is memory only, and goes with it.
    model = built;
    builtFrom = from;
    learned.countDown();
    log.info("Routing model built from {} dispatches and {} responsibility lines in {} ms", built.examples(),
        built.duties(), (System.nanoTime() - started) / 1_000_000);
  }

  /** The lines of every unit's responsibilities; a district's are the local matters ({@link RoutingModel#LOCAL}). */
  List<RoutingModel.Duty> duties() {
    Set<RoutingModel.Duty> duties = new LinkedHashSet<>();
    for (Directory.Responsibilities r : directory.responsibilities()) {
      r.duties().forEach(line -> duties.add(new RoutingModel.Duty(label(r), line)));
    }
    return new ArrayList<>(duties);
  }

  /** The names citizens call the units by; the districts' name the local matters ({@link RoutingModel#LOCAL}). */
  List<NamedUnits.Name> names() {
    Set<NamedUnits.Name> names = new LinkedHashSet<>();
    for (Directory.Responsibilities r : directory.responsibilities()) {
      r.aliases().forEach(alias -> names.add(new NamedUnits.Name(label(r), alias)));
    }
    return new ArrayList<>(names);
  }

  private static String label(Directory.Responsibilities r) {
    return r.kind() == UnitKind.DISTRICT ? RoutingModel.LOCAL : r.code();
  }

  /**
   * What the model learns from, in one line: how many dispatches and a sum over their units and types (which moves
   * when a return or a ruling gives an appeal another unit; other steps of an appeal do not change it), and the
   * responsibilities and aliases as published.
   */
  private String fingerprint() {
    return jdbc.sql("""
            select count(*) || '/' || coalesce(sum(hashtext(concat_ws('/', department_code, appeal_type, complexity,
                   urgent::text))::bigint), 0)
            from published.appeal where dispatched_at is not null and department_code is not null""")
        .query(String.class).single() + "/" + directory.responsibilities().stream()
        .map(r -> r.code() + ":" + r.text() + ":" + r.aliases()).toList().hashCode();
  }
}
