package org.wenzheng.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wenzheng.appeal.Channel;
import org.wenzheng.directory.Directory;
import org.wenzheng.support.WenzhengTest;

/**
 * What the routing suggestion costs as the dispatches it learns from grow (Maven profile {@code benchmark}): the
 * model is built from 1,000, 10,000 and 100,000 past dispatches (the labelled appeals of
 * {@code ../shared/data/appeals-dev.jsonl}, repeated, each copy with a number of its own) and the units' shipped
 * responsibilities; then a suggestion for each labelled appeal is timed, as the review task's creation makes it
 * (rules table, model, directory). {@code -Dbenchmark.routing.sizes=1000,10000,100000}.
 */
@WenzhengTest
class RoutingBenchmark {

  @Autowired Routing routing;
  @Autowired RoutingIndex index;
  @Autowired Directory directory;
  @Autowired ObjectMapper json;

  @Test
  void suggestionCostAsDispatchesGrow() throws IOException {
    List<JsonNode> labelled = RoutingFixtures.labelled(json);
    StringBuilder table = new StringBuilder(String.format("%-12s %10s %10s %10s %10s%n", "dispatches", "build s",
        "p50 ms", "p95 ms", "max ms"));
    for (String size : System.getProperty("benchmark.routing.sizes", "1000,10000,100000").split(",")) {
      int n = Integer.parseInt(size.strip());
      List<RoutingModel.Example> examples = RoutingFixtures.dispatches(labelled, directory, n);
      long started = System.nanoTime();
      try (RoutingModel model = RoutingModel.of(examples, index.duties(), index.names(), index.dutyWeight)) {
        double build = (System.nanoTime() - started) / 1e9;
        List<Long> nanos = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
          for (JsonNode a : labelled) {
            long t = System.nanoTime();
            routing.suggest(new Routing.Request(a.path("title").asText(null), a.path("content").asText(),
                a.path("district").asText(null), null, Channel.valueOf(a.path("channel").asText()), null), model);
            if (round > 0) {
              nanos.add(System.nanoTime() - t);
            }
          }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        table.append(String.format("%-12d %10.1f %10.1f %10.1f %10.1f%n", n, build, sorted[sorted.length / 2] / 1e6,
            sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6));
      }
    }
    System.out.println("Routing suggestion cost\n" + table);
    Path out = Path.of("target/benchmark/routing.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table.toString());
  }
}
