package org.wenzheng.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;

/** Diagnostic: time spent in each delegate and listener (benchmark only). */
class DelegateTiming extends AbstractProcessEnginePlugin {

  static final Map<String, LongAdder> MICROS = new ConcurrentHashMap<>();
  static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    DelegateInterceptor inner = configuration.getDelegateInterceptor();
    configuration.setDelegateInterceptor(new DelegateInterceptor() {
      @Override
      public void handleInvocation(DelegateInvocation invocation) throws Exception {
        long t = System.nanoTime();
        try {
          inner.handleInvocation(invocation);
        } finally {
          String name = invocation.getClass().getSimpleName().replace("Invocation", "") + " " + target(invocation);
          MICROS.computeIfAbsent(name, k -> new LongAdder()).add((System.nanoTime() - t) / 1000);
          CALLS.computeIfAbsent(name, k -> new LongAdder()).increment();
        }
      }
    });
  }

  private static String target(DelegateInvocation invocation) {
    for (java.lang.reflect.Field f : invocation.getClass().getDeclaredFields()) {
      if (f.getName().endsWith("Instance")) {
        try {
          f.setAccessible(true);
          Object o = f.get(invocation);
          String n = o == null ? "?" : o.getClass().getSimpleName();
          return n.contains("$$") ? n.substring(0, n.indexOf("$$")) : n;
        } catch (ReflectiveOperationException e) {
          return "?";
        }
      }
    }
    Object ctx = invocation.getContextExecution();
    return ctx instanceof org.camunda.bpm.engine.delegate.DelegateExecution e ? e.getCurrentActivityId() : "?";
  }
}
