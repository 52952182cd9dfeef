package org.wenzheng.review;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;
import org.wenzheng.appeal.AppealProcess;
import org.wenzheng.appeal.FormTask;
import org.wenzheng.appeal.TaskFormFacts;
import org.wenzheng.identity.UnitOptions;

/**
 * The review form's possible duplicates, found when the dispatcher opens the form (so they are true at that moment,
 * and intake does not pay for them): described one per line, and offered as the appeals to merge into.
 */
@Component
class ReviewFormFacts implements TaskFormFacts {

  private final DuplicateFinder duplicates;
  private final UnitOptions options;

  ReviewFormFacts(DuplicateFinder duplicates, UnitOptions options) {
    this.duplicates = duplicates;
    this.options = options;
  }

  @Override
  public void addTo(FormTask task, VariableMap form) {
    if (!task.is(AppealProcess.TASK_REVIEW)) {
      return;
    }
    List<DuplicateFinder.Candidate> candidates = duplicates.candidates(task.appeal());
    form.put(AppealProcess.VAR_DUPLICATE_CANDIDATES, candidates.isEmpty() ? null
        : candidates.stream().map(duplicates::describe).collect(Collectors.joining("\n\n")));
    form.put(AppealProcess.VAR_MERGE_OPTIONS, options.options(candidates.stream().map(c -> Map.of(
        "label", c.trackingNumber() + " " + c.title(), "value", c.trackingNumber())).toList()));
  }
}
