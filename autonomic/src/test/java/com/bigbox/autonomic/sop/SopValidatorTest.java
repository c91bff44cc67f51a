package com.bigbox.autonomic.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SopValidatorTest {
    static final Path SHIPPED =
            Path.of(System.getProperty("user.dir")).getParent().resolve("sops");
    final SopValidator validator = new SopValidator();

    static List<SopFile> shipped() throws IOException {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .sorted()
                    .map(p -> {
                        try {
                            return new SopFile(p.getFileName().toString(), Files.readString(p));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }

    @Test
    void everyShippedSopIsValid() throws IOException {
        List<SopFile> files = shipped();
        assertThat(files)
                .extracting(SopFile::name)
                .containsExactlyInAnyOrder(
                        "brand-identity-campaign.yaml",
                        "client-health-review.yaml",
                        "client-onboarding.yaml",
                        "crisis-and-reputation-management.yaml",
                        "discovery-meeting.yaml",
                        "event-activation.yaml",
                        "invoicing-and-payment-follow-up.yaml",
                        "lead-intake-qualification.yaml",
                        "proposal-and-quote.yaml");
        for (SopFile file : files) {
            SopValidator.Result result = validator.validate(file);
            assertThat(result.problems()).as(file.name()).isEmpty();
        }
    }

    @Test
    void aFileInTheOriginalFormatWithoutOurExtensionsLoads() {
        var original = new SopFile("original.yaml", """
                metadata:
                  id: lead_intake_v1
                  name: Lead Intake and Qualification
                  version: "1.0.0"
                  owner: sales-ops
                  created_at: 2024-01-15
                  updated_at: 2024-01-15
                  status: active
                  tags: [sales, intake]
                preconditions:
                  required_events: [LEAD_RECEIVED]
                  entity_types: [LEAD]
                  client_tier: all
                  custom_conditions: []
                steps:
                  - step_id: validate_lead
                    name: Validate lead data
                    description: Check required fields
                    automation_level: full
                    responsible_agent: IntakeAgent
                    requires_human: false
                    timeout_hours: 1
                    dependencies: []
                    actions:
                      - type: emit_event
                        config:
                          event_type: LEAD_QUALIFIED
                    success_criteria: [all required fields present]
                    failure_handling:
                      retry_count: 2
                      escalate_to_human: true
                      fallback_step: manual_review
                  - step_id: manual_review
                    name: Manual review
                    automation_level: manual
                    requires_human: true
                    timeout_hours: 24
                automation_policy:
                  allowed_automations: [data_validation]
                  forbidden_actions: [commit_pricing, sign_contracts, legal_promises]
                  confidence_threshold: 0.75
                  financial_limit: 0
                  require_dual_approval: false
                  time_restrictions:
                    business_hours_only: false
                    blackout_dates: []
                escalation_rules:
                  - trigger: low_confidence
                    threshold: 0.75
                    escalate_to: [sales_manager]
                    urgency: medium
                    notification_channels: [email, dashboard]
                    include_context: true
                metrics:
                  cycle_time_target_hours: 4
                  automation_rate_target: 0.85
                  error_rate_threshold: 0.05
                  human_minutes_target: 5
                  cost_per_execution_target: 2.50
                  quality_metrics: [lead_score_accuracy]
                compliance_requirements: [GDPR consent]
                related_sops: []
                """);
        SopValidator.Result result = validator.validate(original);
        assertThat(result.problems()).isEmpty();
        assertThat(result.valid().sop().steps()).hasSize(2);
        assertThat(result.valid().sop().steps().getFirst().completingTypes()).containsExactly("LEAD_QUALIFIED");
    }

    @Test
    void problemsNameTheFileTheLineAndTheField() {
        var bad = new SopFile("bad.yaml", """
                metadata:
                  id: bad-sop
                  name: Bad
                  version: one
                steps:
                  - step_id: first
                    name: First
                    automation_level: sometimes
                  - step_id: second
                    automation_level: full
                    dependencies: [first]
                """);
        SopValidator.Result result = validator.validate(bad);
        assertThat(result.ok()).isFalse();
        assertThat(result.problems())
                .extracting(SopProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("bad.yaml:4: metadata.version:"));
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.field()).isEqualTo("steps[0].automation_level");
        });
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("steps[1].name");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("name");
        });
    }

    @Test
    void rulesASchemaCannotSayAreChecked() {
        var file = new SopFile("graph.yaml", """
                metadata: {id: graph, name: Graph, version: 1.0.0}
                steps:
                  - {step_id: a, name: A, automation_level: full, dependencies: [b]}
                  - {step_id: b, name: B, automation_level: full, dependencies: [a]}
                  - {step_id: c, name: C, automation_level: full, dependencies: [nowhere],
                     failure_handling: {fallback_step: missing}}
                preconditions:
                  budget_range: {min: 500, max: 100}
                """);
        List<SopProblem> problems = validator.validate(file).problems();
        assertThat(problems)
                .extracting(SopProblem::field)
                .contains(
                        "steps[2].dependencies[0]",
                        "steps[2].failure_handling.fallback_step",
                        "preconditions.budget_range");
        assertThat(problems)
                .extracting(SopProblem::message)
                .anySatisfy(m -> assertThat(m).contains("unknown step 'nowhere'"));
    }

    @Test
    void aCycleIsNamed() {
        var file = new SopFile("cycle.yaml", """
                metadata: {id: cycle, name: Cycle, version: 1.0.0}
                steps:
                  - {step_id: a, name: A, automation_level: full, dependencies: [b]}
                  - {step_id: b, name: B, automation_level: full, dependencies: [a]}
                """);
        assertThat(validator.validate(file).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a -> b -> a"));
    }

    @Test
    void brokenYamlAndDuplicateKeysAreRefusedWithTheirLine() {
        assertThat(validator
                        .validate(new SopFile("broken.yaml", "metadata:\n  id: x\n  name: [unclosed\n"))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("(yaml)"));
        assertThat(validator
                        .validate(new SopFile("dup.yaml", "metadata:\n  id: x\n  id: y\n"))
                        .problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.message()).contains("id");
                });
        assertThat(validator
                        .validate(new SopFile("list.yaml", "- just a list\n"))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("(document)"));
    }

    @Test
    void theLoaderRefusesTheWholeSetWhenOneFileIsBadAndNamesEveryProblem() throws IOException {
        var files = new java.util.ArrayList<>(shipped());
        files.add(new SopFile("zz-bad.yaml", "metadata: {id: zz, name: Z, version: 1.0}\nsteps: []\n"));
        files.add(new SopFile("dup-id.yaml", files.getFirst().text()));
        var loader = new SopLoader(null, null, null, validator, java.time.Clock.systemUTC());
        assertThatThrownBy(() -> loader.validateAll(files)).isInstanceOfSatisfying(SopValidationException.class, e -> {
            assertThat(e.problems()).extracting(SopProblem::file).contains("zz-bad.yaml", "dup-id.yaml");
            assertThat(e.getMessage())
                    .contains("zz-bad.yaml:1: metadata.version")
                    .contains("nothing was loaded")
                    .contains("zz-bad.yaml:2: steps");
        });
    }

    @Test
    void theChecksumIgnoresKeyOrderAndFormatting() {
        var a = validator.validate(
                new SopFile(
                        "a.yaml",
                        "metadata: {id: s, name: S, version: 1.0.0}\nsteps: [{step_id: x, name: X, automation_level: full}]\n"));
        var b = validator.validate(
                new SopFile(
                        "b.yaml",
                        "steps:\n  - automation_level: full\n    name: X\n    step_id: x\nmetadata:\n  version: 1.0.0\n  name: S\n  id: s\n"));
        assertThat(a.valid().checksum()).isEqualTo(b.valid().checksum());
    }
}
