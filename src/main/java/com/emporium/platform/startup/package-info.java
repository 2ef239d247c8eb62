/**
 * Start-up order: the embedded PostgreSQL stand-in (developer runs and tests only), then Flyway
 * migrations, then the {@link com.emporium.platform.startup.SchemaReady} event for features that seed data.
 */
package com.emporium.platform.startup;
