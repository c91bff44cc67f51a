package com.bigbox.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.autonomic.leads.LeadFacts;
import com.bigbox.autonomic.leads.LeadRules;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgencyTest {
    private static final List<LeadCase> LEADS = new Agency(1, new AgencySize(5)).leads(Simulation.START, 90);

    @Test
    void theSameSeedGivesTheSameAgencyAndAnotherSeedAnotherOne() {
        assertThat(new Agency(1, new AgencySize(5)).leads(Simulation.START, 90)).isEqualTo(LEADS);
        assertThat(new Agency(2, new AgencySize(5)).leads(Simulation.START, 90)).isNotEqualTo(LEADS);
    }

    @Test
    void leadsArriveOnBusinessDaysInOfficeHoursInOrder() {
        assertThat(LEADS).hasSizeBetween(64 * 4, 64 * 6);
        assertThat(LEADS).allMatch(l -> BusinessCalendar.open(l.arrival()));
        assertThat(LEADS).isSortedAccordingTo((a, b) -> a.arrival().compareTo(b.arrival()));
    }

    @Test
    void budgetsAreMostlyUnderTenThousandSomeLargerAFewAboveTheCeoLimit() {
        long small = LEADS.stream()
                .filter(l -> l.truth().budget().compareTo(new BigDecimal("10000")) < 0)
                .count();
        long huge = LEADS.stream()
                .filter(l -> l.truth().budget().compareTo(new BigDecimal("100000")) > 0)
                .count();
        assertThat(small).isGreaterThan(LEADS.size() * 6 / 10);
        assertThat(huge).isPositive().isLessThan(LEADS.size() / 20);
    }

    // The intake rules' confidence must say something about the truth without giving it away.
    @Test
    void theIntakeAgentsConfidenceCorrelatesWithTheTruthButDoesNotEqualIt() {
        var rules = new LeadRules();
        double qualified = 0, unqualified = 0;
        int nq = 0, nu = 0, confidentButWrong = 0, unsureButRight = 0;
        for (LeadCase l : LEADS) {
            var in = l.inquiry();
            double c = rules.qualify(new LeadFacts(
                            in.name(), in.email(), in.phone(), in.company(), in.budget(), in.message(), in.urgency()))
                    .confidence();
            if (l.truth().qualified()) {
                qualified += c;
                nq++;
                unsureButRight += c < 0.8 ? 1 : 0;
            } else {
                unqualified += c;
                nu++;
                confidentButWrong += c >= 0.8 ? 1 : 0;
            }
        }
        assertThat(qualified / nq).isGreaterThan(unqualified / nu + 0.05);
        assertThat(confidentButWrong).isPositive();
        assertThat(unsureButRight).isPositive();
    }

    @Test
    void aLeadIsAPureFunctionOfSeedAndNumber() {
        var agency = new Agency(9, new AgencySize(3));
        assertThat(agency.lead(17, Simulation.START)).isEqualTo(agency.lead(17, Simulation.START));
        assertThat(agency.lead(17, Simulation.START).leadId()).isEqualTo("SIM-9-17");
    }

    @Test
    void aSizeOutsideItsRangeIsRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> new AgencySize(0)).hasMessageContaining("--leads-per-day");
        assertThatThrownBy(() -> new Simulation.Options(0, 1, true, new AgencySize(5)))
                .hasMessageContaining("--days");
    }

    /** The world is written from the client's side: needs in words the rules do not know, noisy budgets, unasked items. */
    @Test
    void clientsSayMoreThanTheRulesKnowAndNotAlwaysWhatIsTrue() {
        // the words the meeting rules infer a service from
        var keywords = List.of(
                "brand",
                "logo",
                "identity",
                "event",
                "activation",
                "launch party",
                "campaign",
                "ads",
                "website",
                "web");
        long outside = LEADS.stream()
                .map(l -> String.join(" ", l.meeting().goals()).toLowerCase(java.util.Locale.ROOT))
                .filter(g -> keywords.stream().noneMatch(g::contains))
                .count();
        assertThat(outside).as("goals no keyword matches").isGreaterThan(LEADS.size() / 10);
        assertThat(LEADS.stream().map(l -> l.meeting().actionItems()).distinct().count())
                .isGreaterThan(50);
        assertThat(LEADS.stream()
                        .filter(l -> l.meeting().statedBudget() != null
                                && l.meeting()
                                                .statedBudget()
                                                .compareTo(l.truth().budget())
                                        != 0)
                        .count())
                .as("budgets stated with noise")
                .isPositive();
        assertThat(LEADS.stream()
                        .filter(l -> !l.truth()
                                .requestedItems()
                                .containsAll(l.meeting().actionItems()))
                        .count())
                .as("meetings noting an item nobody asked for")
                .isPositive();
        assertThat(LEADS.stream()
                        .filter(l ->
                                !l.truth().qualified() && l.inquiry().message().length() > 100)
                        .count())
                .as("long messages that are no business")
                .isPositive();
    }
}
