/**
 * The meeting agent's side of meeting intelligence: turning an extractor's analysis into the engine's decisions
 * (tasks with owners and due dates, intent, relationship risk) and taking meetings in from the API and the CLI.
 * The extraction steps themselves are pure and live in {@code meetings.extraction}.
 */
package com.bigbox.autonomic.meetings;
