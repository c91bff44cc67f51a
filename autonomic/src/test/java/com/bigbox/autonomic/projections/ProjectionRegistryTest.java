package com.bigbox.autonomic.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionRegistryTest {
    record Named(String name, Mode mode, List<String> dependsOn) implements Projection {
        @Override
        public List<String> tables() {
            return List.of(name);
        }

        @Override
        public void reset(UnitOfWork work) {}

        @Override
        public void apply(RecordedEvent event, UnitOfWork work) {}
    }

    static final ProjectionRegistry REGISTRY = new ProjectionRegistry(List.of(
            new Named("definitions", Projection.Mode.INLINE, List.of()),
            new Named("runs", Projection.Mode.INLINE, List.of("definitions")),
            new Named("metrics", Projection.Mode.SUBSCRIPTION, List.of()),
            new Named("run_steps", Projection.Mode.INLINE, List.of("runs"))));

    @Test
    void rebuildingOneRebuildsWhatDependsOnItInRegistryOrder() {
        assertThat(REGISTRY.withDependents(List.of("definitions")))
                .extracting(Projection::name)
                .containsExactly("definitions", "runs", "run_steps");
        assertThat(REGISTRY.withDependents(List.of("metrics")))
                .extracting(Projection::name)
                .containsExactly("metrics");
        assertThat(REGISTRY.withDependents(List.of())).hasSize(4);
        assertThat(REGISTRY.subscribed())
                .extracting(Projection::subscriptionName)
                .containsExactly("projection:metrics");
    }

    @Test
    void anUnknownNameIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> REGISTRY.withDependents(List.of("runz")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("projection"))
                .hasMessageContaining("no projection named 'runz'; there are [definitions, runs, metrics, run_steps]");
    }

    @Test
    void aDependencyMustBeListedFirstAndNamesAreUnique() {
        assertThatThrownBy(() -> new ProjectionRegistry(List.of(
                        new Named("runs", Projection.Mode.INLINE, List.of("definitions")),
                        new Named("definitions", Projection.Mode.INLINE, List.of()))))
                .hasMessageContaining("runs depends on definitions, which must be listed before it");
        assertThatThrownBy(() -> new ProjectionRegistry(List.of(
                        new Named("a", Projection.Mode.INLINE, List.of()),
                        new Named("a", Projection.Mode.SUBSCRIPTION, List.of()))))
                .hasMessageContaining("two projections are named a");
    }
}
