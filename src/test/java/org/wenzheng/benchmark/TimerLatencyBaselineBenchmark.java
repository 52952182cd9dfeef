package org.wenzheng.benchmark;

import org.springframework.test.context.TestPropertySource;

/** The same benchmark with Camunda 7.24's job-executor defaults: the baseline the README compares against. */
@TestPropertySource(properties = {
    "camunda.bpm.job-execution.wait-time-in-millis=5000",
    "camunda.bpm.job-execution.max-wait=60000",
    "camunda.bpm.job-execution.max-jobs-per-acquisition=3",
    "camunda.bpm.job-execution.core-pool-size=3",
    "camunda.bpm.job-execution.max-pool-size=10",
    "camunda.bpm.job-execution.queue-capacity=3",
    "camunda.bpm.generic-properties.properties.job-executor-prefer-timer-jobs=false",
    "camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date=false"})
class TimerLatencyBaselineBenchmark extends TimerLatencyBenchmark {

  @Override
  String label() {
    return "camunda-defaults";
  }
}
