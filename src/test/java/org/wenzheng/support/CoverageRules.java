package org.wenzheng.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Process-test coverage: every test class named {@code *ProcessTest} must cover at least 90% of the flow nodes and
 * sequence flows of the models it runs, or the build fails. Reports land in target/process-test-coverage.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CoverageRules {

  public static final double MINIMUM = 0.9;

  /** Primary: the library declares a default bean of its own, and a lookup finding two would ignore both. */
  @Bean
  @Primary
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder()
        .addInclusionPatternForTestClasses("*ProcessTest")
        .assertClassCoverageAtLeast(MINIMUM)
        .build();
  }
}
