package org.wenzheng.config;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.wenzheng.appeal.TaskInputRejectedException;
import org.wenzheng.web.TextInput;

/**
 * A person completing a task sets the values its form asks for, and nothing else: a completion (or form submission)
 * that carries any other variable is refused with 400 naming it, and nothing changes. Without this a unit's handler
 * could complete their task with {@code citizenPhone} or {@code departmentCode} of their own choosing, whatever the
 * form shows. The engine's own work (listeners, system steps with authorization checks off) and administrators are
 * not concerned. A task without a form takes no values at all. Text with control characters or a broken encoding
 * is refused from anyone (PostgreSQL cannot store a NUL byte: it would end in a 500).
 */
class SubmittedValuesInterceptor extends CommandInterceptor {

  private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");

  private final Map<String, Set<String>> fieldsByForm;

  SubmittedValuesInterceptor(Map<String, Set<String>> fieldsByForm) {
    this.fieldsByForm = fieldsByForm;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof CompleteTaskCmd) {
      check(read(COMPLETE_TASK, command), read(COMPLETE_VARIABLES, command));
    } else if (command instanceof SubmitTaskFormCmd) {
      check(read(SUBMIT_TASK, command), read(SUBMIT_VARIABLES, command));
    }
    return next.execute(command);
  }

  private void check(Object taskId, Object variables) {
    if (!(variables instanceof Map<?, ?> values) || values.isEmpty() || !(taskId instanceof String id)) {
      return;
    }
    // Whoever sends it, text no person types (a NUL byte, a broken encoding) is refused, not stored.
    for (Map.Entry<?, ?> e : values.entrySet()) {
      Object v = e.getValue() instanceof TypedValue t ? t.getValue() : e.getValue();
      String problem = v instanceof String text ? TextInput.problem(text) : null;
      if (problem != null) {
        throw new TaskInputRejectedException(String.valueOf(e.getKey()), problem);
      }
    }
    CommandContext context = Context.getCommandContext();
    Authentication user = context.getAuthentication();
    if (user == null || !context.isAuthorizationCheckEnabled()
        || context.getProcessEngineConfiguration().getAdminGroups().stream()
            .anyMatch(g -> user.getGroupIds() != null && user.getGroupIds().contains(g))) {
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(id);
    if (task == null) {
      return;
    }
    Set<String> allowed = FormFields.ofTask(fieldsByForm, task);
    Set<String> refused = new TreeSet<>();
    for (Object name : values.keySet()) {
      if (!allowed.contains(String.valueOf(name))) {
        refused.add(String.valueOf(name));
      }
    }
    // A task the user may not even see is the engine's to refuse (403), without a word about its form; asked only
    // when there is something to refuse, so a valid completion costs no extra query.
    if (!refused.isEmpty() && new TaskQueryImpl().taskId(id).executeCount(context) > 0) {
      String first = refused.iterator().next();
      throw new TaskInputRejectedException(first, "此任务的表单没有这一项，不能提交 (not a field of this task's form: "
          + String.join(", ", refused) + ")");
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field f = type.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field " + name
          + " any more: check SubmittedValuesInterceptor against this engine version", e);
    }
  }

  private static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
