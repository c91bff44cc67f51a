package com.bigbox.autonomic.runtime;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentRunner;
import com.bigbox.autonomic.agents.FinanceAgent;
import com.bigbox.autonomic.agents.MeetingIntelligenceAgent;
import com.bigbox.autonomic.agents.ProjectControlAgent;
import com.bigbox.autonomic.agents.StrategyAgent;
import com.bigbox.autonomic.approvals.ApprovalService;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.leads.IntakeAgent;
import com.bigbox.autonomic.leads.LeadIntake;
import com.bigbox.autonomic.oversight.OversightAgent;
import com.bigbox.autonomic.oversight.OversightPolicy;
import com.bigbox.autonomic.projections.AgentMetricsProjection;
import com.bigbox.autonomic.projections.ClientHealthProjection;
import com.bigbox.autonomic.projections.ClientHealthRules;
import com.bigbox.autonomic.projections.Projection;
import com.bigbox.autonomic.reasoning.Reasoner;
import com.bigbox.autonomic.sop.SopCatalog;
import com.bigbox.autonomic.sop.SopEngine;
import com.bigbox.autonomic.sop.SopLoader;
import com.bigbox.autonomic.sop.SopValidator;
import com.bigbox.core.EventFilter;
import com.bigbox.core.Position;
import com.bigbox.core.Registration;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autonomic operations on one engine instance: the agents, the governor (SOP engine and Oversight), the
 * projections, and the approval and SOP services the API and CLI use. {@link #start()} makes each a
 * durable subscription ({@code agent:<name>}, {@code agent:OversightAgent}, {@code projection:<table>}),
 * so any number of instances can run it: each subscription runs on one of them at a time.
 */
public final class AutonomicOperations implements AutoCloseable {
    public static final String GOVERNOR_SUBSCRIPTION = OversightAgent.DEFINITION.subscriptionName();
    private static final Logger log = LoggerFactory.getLogger(AutonomicOperations.class);

    /** Tunables; the defaults are the shipped behaviour. */
    public record Settings(int maxAttempts, Duration reminderInterval) {
        public static Settings defaults() {
            return new Settings(AgentRunner.DEFAULT_MAX_ATTEMPTS, ApprovalService.DEFAULT_REMINDER_INTERVAL);
        }
    }

    private final AutonomicPorts ports;
    private final Clock clock;
    private final Reasoner reasoner;
    private final Settings settings;
    private final List<Agent> agents;
    private final AgentCatalog catalog;
    private final Flows flows;
    private final ApprovalService approvals;
    private final SopCatalog sopCatalog;
    private final SopEngine sopEngine;
    private final SopLoader sopLoader;
    private final OversightAgent oversight;
    private final List<Projection> projections;
    private final ClientHealthProjection clientHealth;
    private final LeadIntake leadIntake;
    private final List<Registration> registrations = new ArrayList<>();

    public AutonomicOperations(AutonomicPorts ports, Clock clock, Reasoner reasoner, Settings settings) {
        this(ports, clock, reasoner, settings, shippedAgents());
    }

    /** With other agents than the shipped ones (tests plug in a misbehaving one). */
    public AutonomicOperations(AutonomicPorts ports, Clock clock, Reasoner reasoner, Settings settings, List<Agent> agents) {
        this.ports = ports;
        this.clock = clock;
        this.reasoner = reasoner;
        this.settings = settings;
        this.agents = List.copyOf(agents);
        this.catalog = new AgentCatalog(agents.stream().map(Agent::definition).toList(), OversightAgent.DEFINITION);
        this.flows = new Flows(catalog.gate());
        this.approvals = new ApprovalService(ports.approvals(), ports.scheduler(), clock, settings.reminderInterval());
        this.sopCatalog = new SopCatalog(ports.sops());
        this.sopEngine = new SopEngine(ports.sops(), sopCatalog, flows, ports.scheduler(), clock);
        this.sopLoader = new SopLoader(ports.sops(), new SopValidator(), clock);
        this.oversight = new OversightAgent(catalog, new OversightPolicy(), sopEngine, approvals, clock);
        this.clientHealth = new ClientHealthProjection(ports.projections(), new ClientHealthRules());
        this.projections = List.of(new AgentMetricsProjection(ports.projections(), catalog), clientHealth);
        this.leadIntake = new LeadIntake(clock);
    }

    /** The shipped projections over {@code store}, as a rebuild ({@code bigbox replay}) needs them without running agents. */
    public static List<Projection> projections(com.bigbox.autonomic.projections.ProjectionStore store) {
        var catalog = new AgentCatalog(shippedAgents().stream().map(Agent::definition).toList(), OversightAgent.DEFINITION);
        return List.of(new AgentMetricsProjection(store, catalog), new ClientHealthProjection(store, new ClientHealthRules()));
    }

    public static List<Agent> shippedAgents() {
        return List.of(new IntakeAgent(), new MeetingIntelligenceAgent(), new StrategyAgent(), new ProjectControlAgent(),
                new FinanceAgent());
    }

    /** Subscribes every agent, the governor and the projections, and registers the scheduled jobs. */
    public AutonomicOperations start() {
        approvals.register(ports.jobs());
        sopEngine.register(ports.jobs());
        for (Agent agent : agents) {
            var runner = new AgentRunner(agent, flows, clock, reasoner, settings.maxAttempts());
            registrations.add(ports.subscriptions().subscribe(runner.subscriptionName(), runner.filter(), Position.START, runner));
        }
        registrations.add(ports.subscriptions().subscribe(GOVERNOR_SUBSCRIPTION, EventFilter.all(), Position.START,
                new Governor(sopEngine, oversight, clock, settings.maxAttempts())));
        registrations.add(ports.subscriptions().subscribe(AgentMetricsProjection.NAME, EventFilter.all(), Position.START,
                projections.getFirst()::apply));
        registrations.add(ports.subscriptions().subscribe(ClientHealthProjection.NAME, EventFilter.all(), Position.START,
                clientHealth.live()));
        log.info("Autonomic operations started: {} agents, governor, {} projections (reasoner: {})", agents.size(),
                projections.size(), reasoner.name());
        return this;
    }

    public AgentCatalog agents() {
        return catalog;
    }

    /** Every subscription this instance competes for, agents first. */
    public List<String> subscriptionNames() {
        var names = new ArrayList<String>();
        agents.forEach(a -> names.add(a.definition().subscriptionName()));
        names.add(GOVERNOR_SUBSCRIPTION);
        projections.forEach(p -> names.add(p.name()));
        return names;
    }

    public ApprovalService approvals() {
        return approvals;
    }

    public SopLoader sopLoader() {
        return sopLoader;
    }

    public com.bigbox.autonomic.sop.SopStore sops() {
        return ports.sops();
    }

    public List<Projection> projections() {
        return projections;
    }

    public LeadIntake leadIntake() {
        return leadIntake;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        registrations.forEach(Registration::close);
        registrations.clear();
    }
}
