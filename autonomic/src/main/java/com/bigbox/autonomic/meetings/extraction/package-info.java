/**
 * Meeting intelligence from what people said: a transcript or notes become action items (what, who, when),
 * money, dates and durations, the service wanted and relationship risk, each with its evidence and confidence.
 * The extraction steps are pure functions of the turns; the model is a resource trained on the development
 * split of the AMI meetings ({@link com.bigbox.autonomic.meetings.extraction.ActionItemTrainer}).
 */
package com.bigbox.autonomic.meetings.extraction;
