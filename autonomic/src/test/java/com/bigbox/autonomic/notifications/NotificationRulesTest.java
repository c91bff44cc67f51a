package com.bigbox.autonomic.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.sop.SopDocument.EscalationRule;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An SOP's escalation rules choose channels, urgency and whom to escalate to; retries back off; links are signed. */
class NotificationRulesTest {
    static final SopRules RULES = new SopRules(
            "client-onboarding",
            List.of(
                    new EscalationRule(
                            "low_confidence", 0.75, List.of("employee"), "medium", List.of("dashboard", "email"), true),
                    new EscalationRule(
                            "timeout", null, List.of("manager"), "high", List.of("dashboard", "slack"), null)),
            null);

    @Test
    void aNewRequestFollowsTheNonTimeoutRuleAndLaterChangesTheTimeoutRule() {
        assertThat(RULES.channels(Trigger.REQUESTED)).containsExactly(ChannelKind.EMAIL);
        assertThat(RULES.urgency(Trigger.REQUESTED)).isEqualTo("medium");
        assertThat(RULES.channels(Trigger.ESCALATED)).containsExactly(ChannelKind.SLACK);
        assertThat(RULES.urgency(Trigger.REMINDER)).isEqualTo("high");
        assertThat(RULES.escalateTo(Trigger.ESCALATED)).containsExactly("manager");
        assertThat(RULES.escalateTo(Trigger.REQUESTED)).isEmpty();
    }

    @Test
    void withoutAnSopEveryChannelGoesAndUrgencyFollowsWhatHappened() {
        assertThat(SopRules.NONE.channels(Trigger.REQUESTED)).isEqualTo(EnumSet.allOf(ChannelKind.class));
        assertThat(SopRules.NONE.urgency(Trigger.CEO_INTERRUPT)).isEqualTo("critical");
        assertThat(SopRules.NONE.urgency(Trigger.EXPIRED)).isEqualTo("high");
    }

    @Test
    void retriesDoubleUpToTheirCapAndThenGiveUp() {
        var backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(2), 4);
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(4)).as("the fourth failure is the last").isNull();
    }

    @Test
    void aLinkTokenVerifiesOnlyAsSignedByItsKey() {
        var tokens = new LinkToken("0123456789abcdef0123".getBytes());
        UUID id = UUID.randomUUID();
        Instant expires = Instant.parse("2026-12-08T10:00:00Z");
        String token = tokens.sign(id, expires);
        assertThat(tokens.verify(token)).contains(new LinkToken.Claims(id, expires));
        String later =
                token.replace("." + expires.getEpochSecond() + ".", "." + (expires.getEpochSecond() + 86_400) + ".");
        assertThat(tokens.verify(later))
                .as("a moved expiry breaks the signature")
                .isEmpty();
        assertThat(new LinkToken("another key of 20 bytes".getBytes()).verify(token))
                .isEmpty();
        assertThat(tokens.verify("not-a-token")).isEmpty();
    }
}
