package org.wenzheng.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wenzheng.appeal.Channel;
import org.wenzheng.appeal.Labelled;
import org.wenzheng.web.InvalidFieldException;
import org.wenzheng.web.TextInput;

/**
 * {@code POST /api/routing/suggest} (channel adapters, the dispatch centre, the supervision office, process owners):
 * the units, type, complexity and urgency suggested for an appeal's words, as the review form would show them.
 * Nothing is recorded.
 */
@RestController
@RequestMapping("/api/routing")
class RoutingController {

  record Ask(@Size(max = 200, message = "不能超过 200 字") String title,
      @NotBlank(message = "必填：诉求内容") @Size(max = 5000, message = "不能超过 5000 字") String content,
      @Size(max = 50, message = "不能超过 50 字") String district,
      @Size(max = 100, message = "不能超过 100 字") String street,
      String channel) {
  }

  private final Routing routing;

  RoutingController(Routing routing) {
    this.routing = routing;
  }

  @PostMapping("/suggest")
  Routing.Suggestion suggest(@Valid @RequestBody Ask ask) {
    for (var field : new String[][] {{"title", ask.title()}, {"content", ask.content()},
        {"district", ask.district()}, {"street", ask.street()}}) {
      String problem = TextInput.problem(field[1]);
      if (problem != null) {
        throw new InvalidFieldException(field[0], problem);
      }
    }
    Channel channel = null;
    if (TextInput.blankToNull(ask.channel()) != null) {
      channel = Labelled.parse(Channel.class, ask.channel().strip()).orElseThrow(() ->
          new InvalidFieldException("channel", "可选值 " + String.join(" | ",
              Arrays.stream(Channel.values()).map(Enum::name).toList())));
    }
    return routing.suggest(new Routing.Request(TextInput.blankToNull(ask.title()), ask.content().strip(),
        TextInput.blankToNull(ask.district()), TextInput.blankToNull(ask.street()), channel, null));
  }
}
