package com.bigbox.autonomic.improvement;

import com.bigbox.autonomic.improvement.facts.ImprovementFacts;
import com.bigbox.autonomic.improvement.review.WeeklyReviewReads;

/** What self-improvement needs from the infrastructure: its facts, its rows and the review's figures. */
public record ImprovementPorts(ImprovementFacts facts, ImprovementStore store, WeeklyReviewReads reviews) {}
