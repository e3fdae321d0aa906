package io.fraudops.app.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.stereotype.Component;

class ActiveRolesTest {

  @Test
  void unsetMeansEveryRole() {
    assertThat(ActiveRoles.of(new MockEnvironment()).names())
        .containsExactly("api", "control-plane");
  }

  @Test
  void namesAreTrimmedCaseInsensitiveAndKeptInDeclarationOrder() {
    assertThat(ActiveRoles.parse(" Control-Plane , api ").names())
        .containsExactly("api", "control-plane");
    assertThat(ActiveRoles.parse("api").has(Role.CONTROL_PLANE)).isFalse();
  }

  @Test
  void unknownOrEmptyRoleIsRefusedByName() {
    assertThatThrownBy(() -> ActiveRoles.parse("api,scoring"))
        .hasMessageContaining("unknown role 'scoring'")
        .hasMessageContaining("api, control-plane");
    assertThatThrownBy(() -> ActiveRoles.parse(" , ")).hasMessageContaining("names no role");
  }

  /** A bean added to serving without the role would run in the control plane too. */
  @Test
  void everyServingBeanBelongsToTheApiRole() throws Exception {
    // Read class files directly: a component scan would already drop beans by their conditions.
    var resolver = new PathMatchingResourcePatternResolver();
    var readers = new CachingMetadataReaderFactory(resolver);
    List<String> components = new ArrayList<>();
    for (Resource file : resolver.getResources("classpath*:io/fraudops/app/serving/**/*.class")) {
      AnnotationMetadata type = readers.getMetadataReader(file).getAnnotationMetadata();
      if (type.hasMetaAnnotation(Component.class.getName())
          || type.hasAnnotation(Component.class.getName())) {
        components.add(type.getClassName());
        assertThat(type.getAnnotationAttributes(ConditionalOnRole.class.getName()))
            .as(type.getClassName())
            .containsEntry("value", Role.API);
      }
    }
    assertThat(components)
        .contains(
            "io.fraudops.app.serving.PredictController",
            "io.fraudops.app.serving.ModelHolder",
            "io.fraudops.app.serving.ServingMetrics");
  }
}
