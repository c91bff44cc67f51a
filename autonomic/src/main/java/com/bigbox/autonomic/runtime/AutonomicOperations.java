package com.bigbox.autonomic.runtime;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentRunner;
import com.bigbox.autonomic.approvals.ApprovalService;
import com.bigbox.autonomic.approvals.Deadlines;
import com.bigbox.autonomic.chaos.FaultInjectingHandler;
import com.bigbox.autonomic.chaos.HumanAbsence;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.improvement.SelfImprovement;
import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.doctrine.DoctrineCheck;
import com.bigbox.autonomic.improvement.doctrine.GoLive;
import com.bigbox.autonomic.leads.LeadIntake;
import com.bigbox.autonomic.oversight.CeoCriteria;
import com.bigbox.autonomic.oversight.DecisionOverrides;
import com.bigbox.autonomic.oversight.OversightAgent;
import com.bigbox.autonomic.oversight.OversightPolicy;
import com.bigbox.autonomic.projections.Projection;
import com.bigbox.autonomic.projections.ProjectionRegistry;
import com.bigbox.autonomic.reasoning.Reasoner;
import com.bigbox.autonomic.sop.SopCatalog;
import com.bigbox.autonomic.sop.SopEngine;
import com.bigbox.autonomic.sop.SopLoader;
import com.bigbox.autonomic.sop.SopStore;
import com.bigbox.autonomic.sop.SopValidator;
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
    private final EngineProjections projections;
    private final ProjectionRegistry registry;
    private final ApprovalService approvals;
    private final SopEngine sopEngine;
    private final SopLoader sopLoader;
    private final OversightAgent oversight;
    private final LeadIntake leadIntake;
    private final SelfImprovement improvement;
    private final DecisionOverrides decisionOverrides;
    private final List<Registration> registrations = new ArrayList<>();

    /**
     * @param agents the agents to run: {@link ShippedAgents#all()}, or others (tests plug in a misbehaving one)
     * @param goLive when the agency went live: the 90-day doctrine counts its weeks from it
     * @param doctrine the rules and bounds the control loops work within (the shipped one, or one from a file)
     */
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
        this.catalog = ShippedAgents.catalog(this.agents);
        this.flows = new Flows(catalog.gate());
        this.projections = EngineProjections.over(
                catalog,
                ports.approvals(),
                ports.sops(),
                ports.projections(),
                ports.scheduler(),
                ports.improvement().store());
        this.registry = projections.registry();
        this.approvals = new ApprovalService(
                ports.approvals(),
                projections.approvals(),
                ports.projectionLock(),
                ports.scheduler(),
                new HumanAbsence(ports.faults(), clock),
                clock,
                settings.reminderInterval(),
                settings.approvalTimeoutScale(),
                settings.deadlines());
        this.sopEngine = new SopEngine(
                ports.sops(),
                new SopCatalog(ports.sops()),
                flows,
                projections.sopExecutions(),
                ports.projectionLock(),
                clock);
        this.sopLoader = new SopLoader(
                ports.sops(), projections.sopDefinitions(), ports.projectionLock(), new SopValidator(), clock);
        this.oversight = new OversightAgent(
                catalog,
                new OversightPolicy(new CeoCriteria(
                        doctrine.rule(DoctrineCheck.CEO_INTERRUPTS).allowedReasons())),
                sopEngine,
                approvals.commands(),
                clock);
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
        for (Projection p : registry.subscribed()) {
            registrations.add(ports.subscriptions()
                    .subscribe(p.subscriptionName(), EventFilter.all(), Position.START, projections.liveHandler(p)));
        }
        log.debug(
                "Autonomic operations started: {} agents, governor, projections {} (reasoner: {})",
                agents.size(),
                registry.names(),
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
        registry.subscribed().forEach(p -> names.add(p.subscriptionName()));
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
        return registry;
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
