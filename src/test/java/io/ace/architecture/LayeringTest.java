package io.ace.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.PartitionStep;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;

/**
 * The layering the project is built on, checked on the compiled classes: engines are plain Java,
 * front ends see no Spring Batch, data flows one way, operations stand alone, no package cycles,
 * partitioned steps are built in one place.
 */
@Tag("fast")
class LayeringTest {

    private static final String[] ENGINES = {"io.ace.diff..", "io.ace.repair..", "io.ace.catalog..", "io.ace.cluster..",
        "io.ace.replication..", "io.ace.difffile..", "io.ace.exit..", "io.ace.files..", "io.ace.json..", "io.ace.schemadiff..", "io.ace.mtree.."};
    private static final String[] FRONT_ENDS = {"io.ace.cli..", "io.ace.web..", "io.ace.schedule..", "io.ace.launch.."};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.ace");
    }

    @Test
    void enginesImportNoSpring() {
        noClasses().that().resideInAnyPackage(ENGINES).should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("engines are plain Java and JDBC, testable against a database without a job").check(classes);
    }

    @Test
    void enginesKnowNothingAboveThem() {
        noClasses().that().resideInAnyPackage(ENGINES).should().dependOnClassesThat()
                .resideInAnyPackage("io.ace.batch..", "io.ace.operation..", "io.ace.report..", "io.ace.findings..", "io.ace.audit..",
                        "io.ace.cli..", "io.ace.web..", "io.ace.schedule..", "io.ace.launch..", "io.ace.config..")
                .because("data flows one way: front ends -> batch -> engines").check(classes);
    }

    @Test
    void settingsReadFromNoLayer() {
        classes().that().resideInAPackage("io.ace.config..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "jakarta.validation..", "org.hibernate.validator..", "org.springframework..", "org.slf4j..",
                        "io.ace.config..", "io.ace.operation")
                .because("the layers wired by Spring read their settings from io.ace.config; engines are handed theirs").check(classes);
    }

    @Test
    void frontEndsImportNoSpringBatch() {
        noClasses().that().resideInAnyPackage(FRONT_ENDS).should().dependOnClassesThat().resideInAPackage("org.springframework.batch..")
                .because("the batch package's read models are the front ends' view of runs").check(classes);
    }

    @Test
    void batchKnowsNoFrontEnd() {
        noClasses().that().resideInAnyPackage("io.ace.batch..", "io.ace.operation..").should().dependOnClassesThat()
                .resideInAnyPackage(FRONT_ENDS).check(classes);
    }

    @Test
    void frontEndsAreSiblingsOverTheLaunchGrammar() {
        noClasses().that().resideInAPackage("io.ace.cli..").should().dependOnClassesThat()
                .resideInAnyPackage("io.ace.web..", "io.ace.schedule..").check(classes);
        noClasses().that().resideInAnyPackage("io.ace.web..", "io.ace.schedule..").should().dependOnClassesThat()
                .resideInAPackage("io.ace.cli..").check(classes);
        // the UI shows the scheduler that runs in the same process; the scheduler knows nothing of the UI
        noClasses().that().resideInAPackage("io.ace.schedule..").should().dependOnClassesThat().resideInAPackage("io.ace.web..")
                .check(classes);
    }

    @Test
    void operationsStandAlone() {
        slices().matching("io.ace.operation.(*)..").should().notDependOnEachOther()
                .because("an operation is its own package and one registration line").check(classes);
    }

    @Test
    void partitionedStepsAreBuiltOnlyByThePartitioningPath() {
        noClasses().that().resideOutsideOfPackage("io.ace.batch.partition..")
                .should().dependOnClassesThat(belongToAnyOf(PartitionStepBuilder.class, PartitionStep.class, PartitionHandler.class,
                        StepExecutionSplitter.class)
                        .or(resideInAnyPackage("org.springframework.batch.core.partition.support..", "org.springframework.batch.integration.partition..")))
                .orShould().callMethodWhere(describe("StepBuilder.partitioner(..)", (JavaMethodCall call) ->
                        call.getName().equals("partitioner") && call.getTargetOwner().isAssignableTo(StepBuilder.class)))
                .because("every partitioned step goes through PartitionedSteps, which runs its partitions on this process's threads"
                        + " or on workers")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.ace.(**)").should().beFreeOfCycles().check(classes);
    }
}
