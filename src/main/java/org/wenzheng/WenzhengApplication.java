package org.wenzheng;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wenzheng 问政: every citizen's appeal runs as one Camunda process instance. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WenzhengApplication {

  public static void main(String[] args) {
    SpringApplication.run(WenzhengApplication.class, args);
  }
}
