package org.wenzheng.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Process-test coverage is recorded for every test class named {@code *ProcessTest} (reports in
 * target/process-test-coverage). The threshold is per model, over all those classes together, and is checked by
 * {@link ProcessCoverageGate} in {@code mvn verify}: a class that tests supervision also runs part of the appeal, so a
 * per-class threshold would measure the wrong thing.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CoverageRules {

  /** Primary: the library declares a default bean of its own, and a lookup finding two would ignore both. */
  @Bean
  @Primary
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder()
        .addInclusionPatternForTestClasses("*ProcessTest")
        .build();
  }
}
