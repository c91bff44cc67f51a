package com.bigbox.autonomic.meetings.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OwnersTest {
    private static Owners.Owner owner(String speaker, String role, String text) {
        return Owners.of(new Turn("t1", speaker, role, null, null, text), List.of("Anna", "Ben", "Chloe"))
                .orElseThrow();
    }

    @Test
    void youSaidByTheClientIsTheTeamAndSaidByTheTeamIsTheClient() {
        assertThat(owner("Chloe", "client", "Could you send us the logo options?"))
                .extracting(Owners.Owner::kind)
                .isEqualTo(Owners.Kind.TEAM);
        assertThat(owner("Ben", "account manager", "You'll get us the brand guidelines by Friday"))
                .extracting(Owners.Owner::kind)
                .isEqualTo(Owners.Kind.CLIENT);
    }

    @Test
    void weIsTheSpeakersSideAndIIsTheSpeaker() {
        assertThat(owner("Chloe", "client", "We will sign off the budget"))
                .extracting(Owners.Owner::kind)
                .isEqualTo(Owners.Kind.CLIENT);
        Owners.Owner me = owner("Ben", "account manager", "I'll draft the quote");
        assertThat(me.kind()).isEqualTo(Owners.Kind.PERSON);
        assertThat(me.name()).isEqualTo("Ben");
    }

    @Test
    void aRoleNamedIsTheRole() {
        Owners.Owner designer = owner("Ben", "account manager", "the designer will mock up three options");
        assertThat(designer.kind()).isEqualTo(Owners.Kind.ROLE);
        assertThat(designer.role()).isEqualTo("designer");
        assertThat(designer.words()).isEqualTo("the designer");
    }

    @Test
    void aPersonNamedIsThatPerson() {
        Owners.Owner anna = owner("Ben", "account manager", "Anna will look into the printing costs");
        assertThat(anna.kind()).isEqualTo(Owners.Kind.PERSON);
        assertThat(anna.name()).isEqualTo("Anna");
    }

    @Test
    void aNameAddressedBeforeYouIsThatPerson() {
        Owners.Owner dana = owner("Ben", "account manager", "Dana, you're gonna look at the colours");
        assertThat(dana.kind()).isEqualTo(Owners.Kind.PERSON);
        assertThat(dana.name()).isEqualTo("Dana");
        assertThat(owner("Ben", "account manager", "So, you're next"))
                .extracting(Owners.Owner::kind)
                .isEqualTo(Owners.Kind.CLIENT);
    }

    @Test
    void inAnInternalMeetingYouIsAColleague() {
        assertThat(owner("B", "PM", "you're gonna be working on the working design"))
                .extracting(Owners.Owner::kind)
                .isEqualTo(Owners.Kind.TEAM);
        assertThat(Owners.of(new Turn("t1", "B", null, null, null, "The colours matter."), List.of()))
                .isEmpty();
    }
}
