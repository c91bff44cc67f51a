package com.bigbox.autonomic.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rostering and project risk, case by case: a task → its assignee; a started project → its risk factors. */
class ProjectRulesTest {
    static TaskEvent.Created task(String taskId, String title, String role) {
        return new TaskEvent.Created("c", taskId, title, role, null, null, null);
    }

    static Stream<Arguments> tasks() {
        return Stream.of(
                Arguments.of(
                        task("TASK-1", "Anything", "designer"),
                        new TaskAssignment(
                                "lee",
                                "designer",
                                0.90,
                                List.of("the task names role designer", "lee is on the designer roster"))),
                Arguments.of(
                        task("TASK-2", "Update the moodboard", "wizard"),
                        new TaskAssignment(
                                "dana",
                                "designer",
                                0.80,
                                List.of("role designer by the task's wording", "dana is on the designer roster"))),
                Arguments.of(
                        task("TASK-3", "Send the invoice", null),
                        new TaskAssignment(
                                "pat",
                                "finance",
                                0.80,
                                List.of("role finance by the task's wording", "pat is on the finance roster"))),
                Arguments.of(
                        task("TASK-4", "Sign off", "ceo"),
                        new TaskAssignment(
                                "ceo", "ceo", 0.90, List.of("the task names role ceo", "ceo is on the ceo roster"))),
                Arguments.of(
                        task("TASK-5", null, null),
                        new TaskAssignment(
                                "sam",
                                "account_manager",
                                0.80,
                                List.of(
                                        "role account_manager by the task's wording",
                                        "sam is on the account_manager roster"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void aTaskGoesToAPersonOfItsRole(TaskEvent.Created task, TaskAssignment expected) {
        assertThat(new ProjectRules().assign(task, StaffCalendar.EMPTY, DAY)).isEqualTo(expected);
    }

    private static final LocalDate DAY = LocalDate.parse("2026-03-02");

    /** A calendar in which {@code away} are away on {@link #DAY}, each for its reason. */
    static StaffCalendar away(Map<String, String> away) {
        return (person, day) -> day.equals(DAY) ? Optional.ofNullable(away.get(person)) : Optional.empty();
    }

    static Stream<Arguments> calendars() {
        return Stream.of(
                Arguments.of(
                        "nobody away: the task's own person, as sure as the role",
                        task("TASK-1", "Anything", "designer"),
                        Map.of(),
                        new TaskAssignment(
                                "lee",
                                "designer",
                                0.90,
                                List.of("the task names role designer", "lee is on the designer roster"))),
                Arguments.of(
                        "the task's own person away: the colleague who is in, as sure",
                        task("TASK-1", "Anything", "designer"),
                        Map.of("lee", "holiday"),
                        new TaskAssignment(
                                "dana",
                                "designer",
                                0.90,
                                List.of(
                                        "the task names role designer",
                                        "lee is away on 2026-03-02 (holiday)",
                                        "dana is on the designer roster"))),
                Arguments.of(
                        "someone else away: no change",
                        task("TASK-1", "Anything", "designer"),
                        Map.of("dana", "sick"),
                        new TaskAssignment(
                                "lee",
                                "designer",
                                0.90,
                                List.of("the task names role designer", "lee is on the designer roster"))),
                Arguments.of(
                        "the whole role away: never sure, a person decides",
                        task("TASK-3", "Send the invoice", null),
                        Map.of("pat", "full"),
                        new TaskAssignment(
                                "pat",
                                "finance",
                                0.30,
                                List.of(
                                        "role finance by the task's wording",
                                        "pat is away on 2026-03-02 (full)",
                                        "nobody on the finance roster is available on 2026-03-02: a person picks who covers"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void aTaskGoesToWhoeverTheCalendarShowsIn(
            String name, TaskEvent.Created task, Map<String, String> awayOnDay, TaskAssignment expected) {
        assertThat(new ProjectRules().assign(task, away(awayOnDay), DAY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("posts")
    void theLatestPostCoveringADayDecidesIt(String name, List<StaffEvent.AvailabilityChanged> posts, String expected) {
        assertThat(StaffCalendar.awayOn(posts, DAY)).isEqualTo(Optional.ofNullable(expected));
    }

    static StaffEvent.AvailabilityChanged post(String from, String to, boolean available, String reason) {
        return new StaffEvent.AvailabilityChanged("lee", LocalDate.parse(from), LocalDate.parse(to), available, reason);
    }

    static Stream<Arguments> posts() {
        return Stream.of(
                Arguments.of("nothing posted", List.of(), null),
                Arguments.of(
                        "a holiday week around the day",
                        List.of(post("2026-03-02", "2026-03-08", false, "holiday")),
                        "holiday"),
                Arguments.of(
                        "a holiday ending the day before",
                        List.of(post("2026-02-23", "2026-03-01", false, "holiday")),
                        null),
                Arguments.of(
                        "a sick day starting the day after",
                        List.of(post("2026-03-03", "2026-03-03", false, "sick")),
                        null),
                Arguments.of(
                        "a holiday cancelled",
                        List.of(
                                post("2026-03-02", "2026-03-08", false, "holiday"),
                                post("2026-03-02", "2026-03-08", true, null)),
                        null),
                Arguments.of(
                        "back, then off sick that day",
                        List.of(
                                post("2026-03-02", "2026-03-08", false, "holiday"),
                                post("2026-03-02", "2026-03-08", true, null),
                                post("2026-03-02", "2026-03-02", false, "sick")),
                        "sick"),
                Arguments.of(
                        "an absence without a reason", List.of(post("2026-03-02", "2026-03-02", false, null)), "away"));
    }

    static ProjectEvent.Started project(String budget, Integer weeks, Integer team, String quoteId) {
        return new ProjectEvent.Started(
                "c", "p", quoteId, "campaign", budget == null ? null : new BigDecimal(budget), weeks, team);
    }

    static Stream<Arguments> projects() {
        return Stream.of(
                Arguments.of(
                        "a short timeline and a small team: two factors, surer together",
                        project("20000", 3, 1, "q"),
                        List.of("timeline of 3 weeks is under 4", "team of 1 is under 2"),
                        0.93,
                        List.of(
                                "timeline of 3 weeks is under 4: 25% past the line, 0.65 sure",
                                "team of 1 is under 2: 50% past the line, 0.80 sure",
                                "confidence 1 - product of (1 - each factor's) = 0.93 (at most 0.95)")),
                Arguments.of(
                        "within bounds",
                        project("20000", 8, 3, "q"),
                        List.of(),
                        0.85,
                        List.of("timeline, team and budget are within bounds")),
                Arguments.of(
                        "no budget and no quote",
                        project(null, 8, 3, null),
                        List.of("no budget agreed", "no accepted quote"),
                        0.95,
                        List.of(
                                "no budget agreed: 100% past the line, 0.90 sure",
                                "no accepted quote: 100% past the line, 0.90 sure",
                                "confidence 1 - product of (1 - each factor's) = 0.95 (at most 0.95)")),
                Arguments.of(
                        "1250 a week is thin, but near the line: a person should look",
                        project("10000", 8, 2, "q"),
                        List.of("budget under 1500 per week (1250.00)"),
                        0.60,
                        List.of(
                                "budget under 1500 per week (1250.00): 17% past the line, 0.60 sure",
                                "confidence 1 - product of (1 - each factor's) = 0.60 (at most 0.95)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void aStartedProjectsPlanIsCheckedForRisk(
            String description,
            ProjectEvent.Started project,
            List<String> factors,
            double confidence,
            List<String> reasons) {
        ProjectAssessment assessment = new ProjectRules().assess(project);
        assertThat(assessment.riskFactors()).isEqualTo(factors);
        assertThat(assessment.confidence()).isCloseTo(confidence, within(0.005));
        assertThat(assessment.reasons()).isEqualTo(reasons);
    }

    static Stream<Arguments> fartherPastTheLine() {
        return Stream.of(
                Arguments.of("a shorter timeline", project("20000", 3, 2, "q"), project("20000", 2, 2, "q")),
                Arguments.of("a thinner budget", project("11000", 8, 2, "q"), project("6000", 8, 2, "q")),
                Arguments.of("a second factor", project("20000", 3, 2, "q"), project("20000", 3, 1, "q")));
    }

    // The confidence is how far the plan is past the risk lines, not a constant.
    @ParameterizedTest(name = "{0} is a surer risk")
    @MethodSource("fartherPastTheLine")
    void theConfidenceMovesWithTheDistanceFromTheLine(
            String description, ProjectEvent.Started nearer, ProjectEvent.Started farther) {
        var rules = new ProjectRules();
        assertThat(rules.assess(nearer).riskFactors()).isNotEmpty();
        assertThat(rules.assess(farther).confidence())
                .isGreaterThan(rules.assess(nearer).confidence());
    }
}
