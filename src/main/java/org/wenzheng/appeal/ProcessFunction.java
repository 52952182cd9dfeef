package org.wenzheng.appeal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.modulith.NamedInterface;

/**
 * A method of a Spring bean that a process model may call in an expression, e.g.
 * {@code ${appealClocks.due(execution, 'RESPONSE')}} in a timer. A deployment that calls any other method of a bean is
 * refused (the deployment guard of {@code org.wenzheng.modelling}); the element templates offer the annotated methods
 * to process owners.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@NamedInterface("process")
public @interface ProcessFunction {
}
