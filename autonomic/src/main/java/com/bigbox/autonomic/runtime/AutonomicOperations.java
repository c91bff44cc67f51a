package com.bigbox.autonomic.runtime;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentRunner;
import com.bigbox.autonomic.approvals.ApprovalService;
import com.bigbox.autonomic.approvals.ApprovalStore;
import com.bigbox.autonomic.approvals.ApprovalsProjection;
import com.bigbox.autonomic.approvals.Deadlines;
import com.bigbox.autonomic.chaos.FaultInjectingHandler;
import com.bigbox.autonomic.chaos.HumanAbsence;
import com.bigbox.autonomic.finance.FinanceAgent;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.improvement.ImprovementProjection;
import com.bigbox.autonomic.improvement.ImprovementStore;
import com.bigbox.autonomic.improvement.SelfImprovement;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.doctrine.GoLive;
import com.bigbox.autonomic.leads.IntakeAgent;
import com.bigbox.autonomic.leads.LeadIntake;
import com.bigbox.autonomic.meetings.MeetingIntelligenceAgent;
import com.bigbox.autonomic.meetings.extraction.MeetingExtractor;
import com.bigbox.autonomic.oversight.DecisionOverrides;
import com.bigbox.autonomic.oversight.OversightAgent;
import com.bigbox.autonomic.oversight.OversightPolicy;
import com.bigbox.autonomic.projections.AgentMetricsProjection;
import com.bigbox.autonomic.projections.ClientHealthProjection;
import com.bigbox.autonomic.projections.ClientHealthRules;
import com.bigbox.autonomic.projections.Projection;
import com.bigbox.autonomic.projections.ProjectionRegistry;
import com.bigbox.autonomic.projections.ProjectionStore;
import com.bigbox.autonomic.projects.ProjectControlAgent;
import com.bigbox.autonomic.reasoning.Reasoner;
import com.bigbox.autonomic.scheduling.JobScheduler;
import com.bigbox.autonomic.sop.SopCatalog;
import com.bigbox.autonomic.sop.SopDefinitionsProjection;
import com.bigbox.autonomic.sop.SopEngine;
import com.bigbox.autonomic.sop.SopExecutionsProjection;
import com.bigbox.autonomic.sop.SopLoader;
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.autonomic.sop.SopValidator;
import com.bigbox.autonomic.strategy.StrategyAgent;
import com.bigbox.core.EventFilter;
import com.bigbox.core.EventStore;
import com.bigbox.core.Position;
import com.bigbox.core.Registration;
import com.bigbox.core.SubscriptionHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autonomic operations on one engine instance: the agents, the governor (SOP engine and Oversight), the
 * projections, and the approval and SOP services the API and CLI use. {@link #start()} makes each agent,
 * the governor and each subscribed projection a durable subscription ({@code agent:<name>},
 * {@code agent:OversightAgent}, {@code projection:<table>}), so any number of instances can run it: each
 * subscription runs on one of them at a time. Agents' and the governor's handlers are exposed to the
 * chaos faults in force.
 */
public final class AutonomicOperations implements AutoCloseable {
    public static final String GOVERNOR_SUBSCRIPTION = OversightAgent.DEFINITION.subscriptionName();
    private static final Logger log = LoggerFactory.getLogger(AutonomicOperations.class);

    /**
     * Tunables; the defaults are the shipped behaviour.
     *
     * @param approvalTimeoutScale multiplies every approval timeout (1; a test cluster may make it tiny)
     * @param deadlines how approval timeouts count (wall-clock; the engine counts business time where an SOP says so)
     */
    public record Settings(
            int maxAttempts, Duration reminderInterval, double approvalTimeoutScale, Deadlines deadlines) {
        public Settings(int maxAttempts, Duration reminderInterval, double approvalTimeoutScale) {
            this(maxAttempts, reminderInterval, approvalTimeoutScale, Deadlines.WALL_CLOCK);
        }

        public static Settings defaults() {
            return new Settings(AgentRunner.DEFAULT_MAX_ATTEMPTS, ApprovalService.DEFAULT_REMINDER_INTERVAL, 1.0);
        }
    }

    private final InfrastructurePorts ports;
    private final Clock clock;
    private final Reasoner reasoner;
    private final Settings settings;
    private final List<Agent> agents;
    private final AgentCatalog catalog;
    private final Flows flows;
    private final ApprovalService approvals;
    private final SopEngine sopEngine;
    private final SopLoader sopLoader;
    private final OversightAgent oversight;
    private final ProjectionRegistry projections;
    private final ClientHealthProjection clientHealth;
    private final LeadIntake leadIntake;
    private final SelfImprovement improvement;
    private final DecisionOverrides decisionOverrides;
    private final List<Registration> registrations = new ArrayList<>();

    public AutonomicOperations(InfrastructurePorts ports, Clock clock, Reasoner reasoner, Settings settings) {
        this(ports, clock, reasoner, settings, shippedAgents());
    }

    /** With other agents than the shipped ones (tests plug in a misbehaving one). */
    public AutonomicOperations(
            InfrastructurePorts ports, Clock clock, Reasoner reasoner, Settings settings, List<Agent> agents) {
        this(ports, clock, reasoner, settings, agents, GoLive.fromFirstEvent());
    }

    /** @param goLive when the agency went live: the 90-day doctrine counts its weeks from it */
    public AutonomicOperations(
            InfrastructurePorts ports,
            Clock clock,
            Reasoner reasoner,
            Settings settings,
            List<Agent> agents,
            GoLive goLive) {
        this(ports, clock, reasoner, settings, agents, goLive, Doctrine.shipped());
    }

    /** @param doctrine the rules and bounds the control loops work within (the shipped one, or one from a file) */
    public AutonomicOperations(
            InfrastructurePorts ports,
            Clock clock,
            Reasoner reasoner,
            Settings settings,
            List<Agent> agents,
            GoLive goLive,
            Doctrine doctrine) {
        this.ports = ports;
        this.clock = clock;
        this.reasoner = reasoner;
        this.settings = settings;
        this.agents = List.copyOf(agents);
        this.catalog = new AgentCatalog(agents.stream().map(Agent::definition).toList(), OversightAgent.DEFINITION);
        this.flows = new Flows(catalog.gate());
        this.projections = projections(
                catalog,
                ports.approvals(),
                ports.sops(),
                ports.projections(),
                ports.scheduler(),
                ports.improvement().store());
        this.clientHealth = (ClientHealthProjection) projections.find(ClientHealthProjection.NAME);
        var approvalRows = (ApprovalsProjection) projections.find(ApprovalsProjection.NAME);
        this.approvals = new ApprovalService(
                ports.approvals(),
                approvalRows,
                ports.projectionLock(),
                ports.scheduler(),
                new HumanAbsence(ports.faults(), clock),
                clock,
                settings.reminderInterval(),
                settings.approvalTimeoutScale(),
                settings.deadlines());
        var sopCatalog = new SopCatalog(ports.sops());
        this.sopEngine = new SopEngine(
                ports.sops(),
                sopCatalog,
                flows,
                (SopExecutionsProjection) projections.find(SopExecutionsProjection.NAME),
                ports.projectionLock(),
                clock);
        this.sopLoader = new SopLoader(
                ports.sops(),
                (SopDefinitionsProjection) projections.find(SopDefinitionsProjection.NAME),
                ports.projectionLock(),
                new SopValidator(),
                clock);
        this.oversight = new OversightAgent(catalog, new OversightPolicy(), sopEngine, approvals.commands(), clock);
        this.leadIntake = new LeadIntake(clock);
        this.decisionOverrides = new DecisionOverrides(clock);
        this.improvement = new SelfImprovement(
                doctrine,
                ports.improvement(),
                catalog,
                ports.sops(),
                sopLoader,
                approvals.commands(),
                ports.projectionLock(),
                clock,
                goLive);
    }

    /**
     * Every table the engine derives from events, in dependency order: what {@code bigbox replay}
     * rebuilds. A new projection is one class, listed here.
     */
    public static ProjectionRegistry projections(
            AgentCatalog agents,
            ApprovalStore approvals,
            SopStore sops,
            ProjectionStore projections,
            JobScheduler scheduler,
            ImprovementStore improvement) {
        return new ProjectionRegistry(List.<Projection>of(
                new ApprovalsProjection(approvals, scheduler),
                new SopDefinitionsProjection(sops),
                new SopExecutionsProjection(sops, scheduler),
                new AgentMetricsProjection(projections, agents),
                new ClientHealthProjection(projections, new ClientHealthRules()),
                new ImprovementProjection(improvement)));
    }

    /** The projections over these adapters with the shipped agents, as a rebuild needs them without running anything. */
    public static ProjectionRegistry projections(
            ApprovalStore approvals,
            SopStore sops,
            ProjectionStore projections,
            JobScheduler scheduler,
            ImprovementStore improvement) {
        return projections(
                new AgentCatalog(shippedAgents().stream().map(Agent::definition).toList(), OversightAgent.DEFINITION),
                approvals,
                sops,
                projections,
                scheduler,
                improvement);
    }

    public static List<Agent> shippedAgents() {
        return List.of(
                new IntakeAgent(),
                new MeetingIntelligenceAgent(),
                new StrategyAgent(),
                new ProjectControlAgent(),
                new FinanceAgent());
    }

    /** The shipped agents with the meeting agent reading through {@code meetings} (e.g. the configured LLM extractor). */
    public static List<Agent> shippedAgents(MeetingExtractor meetings) {
        return List.of(
                new IntakeAgent(),
                new MeetingIntelligenceAgent(meetings),
                new StrategyAgent(),
                new ProjectControlAgent(),
                new FinanceAgent());
    }

    /** Subscribes every agent, the governor and the subscribed projections, and registers the scheduled jobs. */
    public AutonomicOperations start() {
        approvals.register(ports.jobs());
        sopEngine.register(ports.jobs());
        for (Agent agent : agents) {
            var runner = new AgentRunner(agent, flows, clock, reasoner, settings.maxAttempts());
            registrations.add(ports.subscriptions()
                    .subscribe(
                            runner.subscriptionName(),
                            runner.filter(),
                            Position.START,
                            exposedToFaults(runner.subscriptionName(), runner)));
        }
        registrations.add(ports.subscriptions()
                .subscribe(
                        GOVERNOR_SUBSCRIPTION,
                        EventFilter.all(),
                        Position.START,
                        exposedToFaults(
                                GOVERNOR_SUBSCRIPTION,
                                new Governor(
                                        sopEngine, oversight, ports.projectionLock(), clock, settings.maxAttempts()))));
        for (Projection p : projections.subscribed()) {
            SubscriptionHandler handler = p == clientHealth ? clientHealth.live() : p::apply;
            registrations.add(
                    ports.subscriptions().subscribe(p.subscriptionName(), EventFilter.all(), Position.START, handler));
        }
        log.debug(
                "Autonomic operations started: {} agents, governor, projections {} (reasoner: {})",
                agents.size(),
                projections.names(),
                reasoner.name());
        return this;
    }

    /**
     * Runs the self-improvement loops on this instance (with {@code BIGBOX_LOOPS=on}): their recurring jobs,
     * scheduled once across the cluster, and the executor of approved proposals. Call after {@link #start()}.
     */
    public AutonomicOperations startLoops(EventStore store) {
        registrations.addAll(improvement.start(store, ports.scheduler(), ports.jobs(), ports.subscriptions()));
        return this;
    }

    public SelfImprovement improvement() {
        return improvement;
    }

    public DecisionOverrides decisionOverrides() {
        return decisionOverrides;
    }

    // Chaos experiments reach an agent through its subscription's name (agent:<name>).
    private SubscriptionHandler exposedToFaults(String subscription, SubscriptionHandler handler) {
        return FaultInjectingHandler.wrap(subscription, handler, ports.faults(), clock);
    }

    public AgentCatalog agents() {
        return catalog;
    }

    /** Every subscription this instance competes for, agents first. */
    public List<String> subscriptionNames() {
        var names = new ArrayList<String>();
        agents.forEach(a -> names.add(a.definition().subscriptionName()));
        names.add(GOVERNOR_SUBSCRIPTION);
        projections.subscribed().forEach(p -> names.add(p.subscriptionName()));
        return names;
    }

    public ApprovalService approvals() {
        return approvals;
    }

    public SopLoader sopLoader() {
        return sopLoader;
    }

    public SopStore sops() {
        return ports.sops();
    }

    public ProjectionRegistry projections() {
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
