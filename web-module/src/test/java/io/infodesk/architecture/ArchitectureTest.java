package io.infodesk.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The features' allowed dependencies, as docs/architecture.md draws them. Features are the packages
 * {@code io.infodesk.<feature>}; {@link #LAYERS} orders them from the lowest, and a feature may use
 * only the features below it, which rules out cycles; ArchUnit's cycle rule checks that too and
 * names the cycle if one appears. A feature's {@code control} package is its own; what higher
 * features may use of it is in its {@code model} package (plain logic and values) or its boundary.
 * Every rule holds for the whole code base: none is frozen.
 */
@AnalyzeClasses(packages = "io.infodesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The features from the lowest layer up. */
  static final List<String> LAYERS =
      List.of(
          "platform",
          "security",
          "knowledge",
          "retrieval",
          "routing",
          "guardrails",
          "answering",
          "feedback",
          "review",
          "curation",
          "training",
          "evaluation",
          "registry",
          "flywheel",
          "operations",
          "portal");

  private static final Pattern FEATURE =
      Pattern.compile("io\\.infodesk\\.([a-z]+)(\\.([a-z]+))?.*");

  /** The feature a class belongs to, if it is one of InfoDesk's. */
  static Optional<String> feature(JavaClass c) {
    Matcher m = FEATURE.matcher(c.getPackageName());
    return m.matches() && LAYERS.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The layer below the feature ({@code boundary}, {@code control}, {@code entity}), if any. */
  static Optional<String> layer(JavaClass c) {
    Matcher m = FEATURE.matcher(c.getPackageName());
    return m.matches() && m.group(3) != null ? Optional.of(m.group(3)) : Optional.empty();
  }

  @ArchTest
  static final ArchRule everyPackageIsAKnownFeature =
      classes()
          .that()
          .resideInAPackage("io.infodesk.(*)..")
          .should(
              new ArchCondition<JavaClass>("belong to a feature named in LAYERS") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  if (feature(c).isEmpty()) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " has no layer"));
                  }
                }
              });

  @ArchTest
  static final ArchRule featuresUseOnlyTheFeaturesBelowThem =
      classes()
          .that()
          .resideInAPackage("io.infodesk..")
          .should(
              new ArchCondition<JavaClass>("use only features in lower layers") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  Optional<String> own = feature(c);
                  if (own.isEmpty()) {
                    return;
                  }
                  int rank = LAYERS.indexOf(own.get());
                  for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    Optional<String> target = feature(d.getTargetClass());
                    if (target.isPresent() && LAYERS.indexOf(target.get()) > rank) {
                      events.add(
                          SimpleConditionEvent.violated(
                              d, own.get() + " uses " + target.get() + ": " + d.getDescription()));
                    }
                  }
                }
              });

  @ArchTest
  static final ArchRule noCyclesBetweenFeatures =
      slices()
          .matching("io.infodesk.(*)..")
          .should()
          .beFreeOfCycles()
          .because("a feature that needs a higher one hears from it by an event");

  @ArchTest
  static final ArchRule controlClassesStayInTheirFeature =
      classes()
          .that()
          .resideInAPackage("io.infodesk..")
          .should(
              new ArchCondition<JavaClass>(
                  "use no other feature's control classes, except platform's") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                  Optional<String> own = feature(c);
                  if (own.isEmpty()) {
                    return;
                  }
                  for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass t = d.getTargetClass();
                    Optional<String> target = feature(t);
                    if (target.isPresent()
                        && !target.equals(own)
                        && !target.get().equals("platform")
                        && layer(t).filter("control"::equals).isPresent()) {
                      events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                  }
                }
              });

  @ArchTest
  static final ArchRule publishedModelsArePlainJava =
      noClasses()
          .that()
          .resideInAPackage("io.infodesk.*.model..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      "io.infodesk..boundary..",
                      "io.infodesk.*.control..",
                      "jakarta.ejb..",
                      "jakarta.enterprise..",
                      "jakarta.inject..",
                      "jakarta.persistence..",
                      "jakarta.ws.rs..",
                      "jakarta.faces..")
                  .and(not(resideInAPackage("io.infodesk.platform.control.."))))
          .because(
              "a feature's model package is what higher features may use of it: plain logic and"
                  + " values, no container, no service and no feature's internals (the experiment"
                  + " runs the same classes without a server)");

  @ArchTest
  static final ArchRule entityManagerOnlyInBoundaryAndControl =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.infodesk..boundary..", "io.infodesk..control..")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(EntityManager.class)
          .because("entities and views reach the database only through a feature's services");

  @ArchTest
  static final ArchRule oneJsonProvider =
      noClasses()
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("jakarta.json.Json")
          .because(
              "jakarta.json.Json looks the JSON-P provider up with a ServiceLoader scan at every"
                  + " call (19% of the ask path's CPU); platform.control.Jsons.JSON is looked up"
                  + " once");

  /** EJB session beans: stateless, singleton or stateful. */
  static final DescribedPredicate<CanBeAnnotated> SESSION_BEANS =
      annotatedWith(Stateless.class)
          .or(annotatedWith(Singleton.class))
          .or(annotatedWith(Stateful.class))
          .as("session beans");

  @ArchTest
  static final ArchRule sessionBeansAreBoundaries =
      classes()
          .that(SESSION_BEANS)
          .should()
          .resideInAPackage("io.infodesk..boundary..")
          .because(
              "a session bean is what a resource, a page, a timer or a batch step calls; helpers"
                  + " that only other services use are CDI beans in control");

  @ArchTest
  static final ArchRule noNamedEjb =
      noClasses()
          .that(SESSION_BEANS)
          .should()
          .beAnnotatedWith(Named.class)
          .because("pages use view beans; EJBs are the features' services");
}
