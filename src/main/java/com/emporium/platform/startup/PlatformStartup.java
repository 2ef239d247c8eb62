package com.emporium.platform.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Orders the start: the embedded database (when enabled), then the schema, then whoever observes
 * {@link SchemaReady}. The application takes no requests before this returns.
 */
@ApplicationScoped
public class PlatformStartup {
    @Inject
    EmbeddedDatabase embeddedDatabase;

    @Inject
    SchemaMigration schemaMigration;

    @Inject
    Event<SchemaReady> schemaReady;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        embeddedDatabase.start();
        schemaMigration.migrate();
        schemaReady.fire(new SchemaReady(embeddedDatabase.isEnabled()));
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        embeddedDatabase.stop();
    }
}
