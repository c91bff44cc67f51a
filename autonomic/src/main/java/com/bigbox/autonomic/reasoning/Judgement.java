package com.bigbox.autonomic.reasoning;

import java.util.List;

/** What every answer of a reasoner carries: how sure it is, and why (the reasons go into the event's metadata). */
public interface Judgement {
    double confidence();

    List<String> reasons();
}
