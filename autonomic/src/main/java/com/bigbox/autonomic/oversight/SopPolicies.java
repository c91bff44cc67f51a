package com.bigbox.autonomic.oversight;

import com.bigbox.core.UnitOfWork;
import java.util.List;
import java.util.UUID;

/** The policies of the SOPs running in a flow (the SOP engine knows them). */
@FunctionalInterface
public interface SopPolicies {
    List<SopPolicy> activeFor(UnitOfWork work, UUID correlationId);
}
