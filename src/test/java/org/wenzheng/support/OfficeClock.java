package org.wenzheng.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The clock of a process test: every test starts on a Wednesday morning in office hours in Chengdu
 * ({@link #START}), so that deadlines do not depend on when the tests run, with camunda-bpm-assert bound to the
 * context's engine; after it the engine's clock runs in real time again. {@link WenzhengProcessTest} registers it.
 */
public class OfficeClock implements BeforeEachCallback, AfterEachCallback {

  /** A Wednesday, 10:00 in Chengdu. */
  public static final String START = "2026-03-04T10:00";

  @Override
  public void beforeEach(ExtensionContext context) {
    BpmnAwareTests.init(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
    Scenario.clock(START);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }
}
