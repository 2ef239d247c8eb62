package com.emporium.flags;

import dev.openfeature.contrib.providers.flagd.Config;
import dev.openfeature.contrib.providers.flagd.FlagdOptions;
import dev.openfeature.contrib.providers.flagd.FlagdProvider;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Wires the OpenFeature API to the flagd engine fed by the flag file, at startup, and hands out the
 * OpenFeature {@link Client} that application code uses. Every evaluation is counted per flag and
 * variant by a hook, so a rollout can be watched in Prometheus.
 */
@ApplicationScoped
public class FeatureFlags {
    private static final Logger LOG = Logger.getLogger(FeatureFlags.class.getName());

    /** The OpenFeature domain of this application's provider (the API object is JVM-wide). */
    static final String DOMAIN = "emporium";

    @Inject
    FlagFile flagFile;

    @Inject
    MetricRegistry metrics;

    private FlagdProvider provider;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        api.getClient(DOMAIN).addHooks(new CountingHook());
        try {
            provider = new FlagdProvider(FlagdOptions.builder()
                    .resolverType(Config.Resolver.IN_PROCESS)
                    .customConnector(flagFile)
                    .build());
            api.setProviderAndWait(DOMAIN, provider);
        } catch (RuntimeException | LinkageError e) {
            // Flags must never keep the shop from starting: without a provider every evaluation answers
            // its code default (Flag), which is the behaviour without flags.
            LOG.severe("Feature flags are unavailable; every flag uses its code default: " + e);
        }
    }

    @PreDestroy
    void stop() {
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Produces
    @ApplicationScoped
    Client client() {
        return OpenFeatureAPI.getInstance().getClient(DOMAIN);
    }

    /** Counts evaluations by flag and variant; a flag that fell back to its code default counts as "default". */
    private final class CountingHook implements Hook<Object> {
        @Override
        public void finallyAfter(
                HookContext<Object> context, FlagEvaluationDetails<Object> details, Map<String, Object> hints) {
            if (!flagFile.current().flags().containsKey(context.getFlagKey())) {
                return; // keys from requests (OFREP) are not metric labels unless the file defines them
            }
            String variant = Optional.ofNullable(details)
                    .map(FlagEvaluationDetails::getVariant)
                    .orElse("default");
            metrics.counter(
                            "emporium.flags.evaluations",
                            new Tag("flag", context.getFlagKey()),
                            new Tag("variant", variant))
                    .inc();
        }
    }
}
