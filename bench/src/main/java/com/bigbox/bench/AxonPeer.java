package com.bigbox.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;

/** The peer: Axon Framework's {@code JdbcEventStorageEngine} on the same PostgreSQL, its own tables. */
final class AxonPeer {
    private final JdbcEventStorageEngine engine;

    AxonPeer(DataSource pool) {
        var serializer = JacksonSerializer.defaultSerializer();
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(pool))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
    }

    /** One event of an aggregate; Axon numbers from 0. */
    void append(String aggregateId, long sequence, Map<String, Object> payload) {
        engine.appendEvents(new GenericDomainEventMessage<>("Lead", aggregateId, sequence, payload));
    }

    void appendBatch(String aggregateId, int size, Map<String, Object> payload) {
        List<DomainEventMessage<?>> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(new GenericDomainEventMessage<>("Lead", aggregateId, i, payload));
        }
        engine.appendEvents(events);
    }
}
