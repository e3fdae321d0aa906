package io.fraudops.app.roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class RolesConfiguration {

  /** Parsed once at start: an unknown role fails the start here, with its name. */
  @Bean
  ActiveRoles activeRoles(Environment environment) {
    return ActiveRoles.of(environment);
  }
}
