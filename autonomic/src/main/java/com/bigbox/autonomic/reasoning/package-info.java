/**
 * How agents judge: the {@link com.bigbox.autonomic.reasoning.Reasoner} an engine runs with (which reasoner answers
 * each feature's seam) and the {@link com.bigbox.autonomic.reasoning.Judgement} every answer carries. The seams and
 * their rules live in the feature folders.
 */
package com.bigbox.autonomic.reasoning;
