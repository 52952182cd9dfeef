package org.wenzheng.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Process tests: the same application as {@link WenzhengTest}, plus process-coverage recording. The coverage plugin
 * needs a coverage run for every engine event, so it lives in a context of its own, used only by
 * {@code *ProcessTest} classes; each must cover at least 90% of the models it runs ({@link CoverageRules}). Each test
 * starts on a Wednesday morning ({@link OfficeClock}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Camunda registers engines by name in a static registry that its REST API and webapps read: this second context's
// engine must not take the name "default" from the shared context's.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"camunda.bpm.process-engine-name=processtest", "camunda.bpm.webapp.enabled=false"})
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@Import({ProcessEngineCoverageConfiguration.class, CoverageRules.class, Scenario.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ExtendWith(OfficeClock.class)
public @interface WenzhengProcessTest {
}
