package com.bigbox.autonomic.approvals;

import com.bigbox.autonomic.InvalidInputException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The action classes decisions are routed by, and the roles approvals go to. */
public final class ActionClasses {
    public static final String ROUTINE = "routine";
    public static final String FINANCIAL = "financial";
    public static final String CEO_DECISION = "ceo_decision";
    /** A control loop's change beyond the doctrine's bounds. */
    public static final String AGENT_CHANGE = "agent_change";
    /** A new SOP version whose impact needs a person's explicit approval (or, when silence approves, 72 h of nobody objecting). */
    public static final String SOP_CHANGE = "sop_change";
    /** A new SOP version that automates work people do: nobody objecting for 48 h activates it. */
    public static final String SOP_AUTOMATION = "sop_automation";
    /** A signal of a loop or a doctrine violation that the doctrine puts before a person. */
    public static final String IMPROVEMENT_REVIEW = "improvement_review";

    /**
     * A grave matter the doctrine does not let interrupt the CEO (a legal risk, many risk factors, likely churn)
     * whose own class would not reach the CEO: a manager decides, and the CEO if the manager does not in time.
     */
    public static final String CRITICAL_MATTER = "critical_matter";

    /** Who can be given an approval. */
    public static final Set<String> ROLES =
            Set.of("employee", "account_manager", "designer", "strategist", "finance", "manager", "ceo");

    private static final Map<String, ActionClass> CLASSES = new LinkedHashMap<>();

    static {
        add(new ActionClass(ROUTINE, false, true, Duration.ofHours(24), List.of("employee", "manager"), 1));
        add(new ActionClass("scheduling", false, true, Duration.ofHours(12), List.of("employee", "manager"), 1));
        add(new ActionClass(
                "client_communication", false, true, Duration.ofHours(24), List.of("account_manager", "manager"), 1));
        add(new ActionClass("delivery_risk", false, false, Duration.ofHours(24), List.of("manager", "ceo"), 1));
        add(new ActionClass(FINANCIAL, false, false, Duration.ofHours(24), List.of("finance", "manager", "ceo"), 1));
        add(new ActionClass("relationship_risk", false, false, Duration.ofHours(4), List.of("manager", "ceo"), 1));
        add(new ActionClass("pricing_commitment", true, false, Duration.ofHours(48), List.of("manager", "ceo"), 1));
        add(new ActionClass("legal_promise", true, false, Duration.ofHours(48), List.of("manager", "ceo"), 1));
        add(new ActionClass("contract", true, false, Duration.ofHours(48), List.of("manager", "ceo"), 2));
        add(new ActionClass(SOP_CHANGE, false, false, Duration.ofHours(72), List.of("manager", "ceo"), 1));
        add(new ActionClass(SOP_AUTOMATION, false, true, Duration.ofHours(48), List.of("manager"), 1));
        add(new ActionClass(AGENT_CHANGE, false, false, Duration.ofHours(48), List.of("manager", "ceo"), 1));
        add(new ActionClass(IMPROVEMENT_REVIEW, false, false, Duration.ofHours(24), List.of("manager", "ceo"), 1));
        add(new ActionClass(CRITICAL_MATTER, false, false, Duration.ofHours(24), List.of("manager", "ceo"), 1));
        add(new ActionClass(CEO_DECISION, false, false, Duration.ofHours(24), List.of("ceo"), 1));
    }

    private ActionClasses() {}

    private static void add(ActionClass c) {
        CLASSES.put(c.name(), c);
    }

    /** The class of that name; an unknown name is treated as routine's stricter sibling: no silence, manager first. */
    public static ActionClass of(String name) {
        ActionClass c = name == null ? null : CLASSES.get(name);
        return c != null
                ? c
                : new ActionClass(
                        name == null ? ROUTINE : name,
                        false,
                        false,
                        Duration.ofHours(24),
                        List.of("manager", "ceo"),
                        1);
    }

    public static String checkRole(String field, String role) {
        if (role == null || !ROLES.contains(role)) {
            throw new InvalidInputException(
                    field, field + " must be one of " + ROLES.stream().sorted().toList() + ", was '" + role + "'");
        }
        return role;
    }
}
