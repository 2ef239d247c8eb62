package com.emporium.testsupport;

import com.emporium.platform.problem.Conflict;
import com.emporium.platform.problem.InvalidRequest;
import com.emporium.platform.problem.NotFound;
import com.emporium.platform.problem.Problem;
import com.emporium.platform.problem.ProblemException;
import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the in-container tests (*InContainerIT) deploy into test replica B: only the classes a
 * test needs, never the whole application, so none of its startup beans (migrations, embedded
 * database, sweepers, LISTEN loops) starts a second time next to the real one.
 */
public final class MicroDeployment {
    private MicroDeployment() {}

    /**
     * A WAR with the test persistence unit on the server's data source, the problem exceptions every
     * service throws, and AssertJ, which the test methods use inside the server.
     */
    public static WebArchive war(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsResource("in-container/persistence.xml", "META-INF/persistence.xml")
                .addClasses(
                        ProblemException.class,
                        Problem.class,
                        Conflict.class,
                        NotFound.class,
                        InvalidRequest.class,
                        Eventually.class,
                        MicroDeployment.class)
                .addAsLibraries(jarOf(Assertions.class));
    }

    /**
     * A feature package without its JAX-RS resources (the boundary is what the HTTP tests cover), so
     * the deployment follows the package as it grows: a new repository or entity comes along unlisted.
     */
    public static WebArchive addFeatureWithoutResources(WebArchive war, Package feature) {
        return war.addPackages(false, path -> !path.get().endsWith("Resource.class"), feature);
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
