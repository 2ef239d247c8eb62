package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.emporium.platform.Sku;
import com.emporium.platform.startup.SchemaReady;
import com.emporium.testsupport.Eventually;
import com.emporium.testsupport.MicroDeployment;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reservation service's transaction and concurrency rules, run inside the server against the real
 * database: what the HTTP tests can only infer from status codes is checked here on the rows the
 * service leaves behind.
 */
@ExtendWith(ArquillianExtension.class)
class ReservationServiceInContainerIT {

    @Deployment
    static WebArchive deployment() {
        // The sweeper's trigger (SchemaReady) is never fired here, so it sweeps only when a test calls it.
        return MicroDeployment.addFeatureWithoutResources(
                        MicroDeployment.war("reservation-service"), ReservationService.class.getPackage())
                .addClasses(SchemaReady.class, Sku.class, InventoryRows.class);
    }

    @Inject
    ReservationService reservations;

    @Inject
    ReservationSweeper sweeper;

    @Inject
    InventoryRows rows;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    /**
     * The first line is held, then the second line's stock row is emptied by another transaction while
     * the reservation waits for its lock: the reservation fails with out-of-stock and its own hold of the
     * first line, its reservation row and its lines are all rolled back.
     */
    @Test
    void aReservationWhoseSecondLineRunsOutLeavesNoHoldAndNoCounterChange() throws Exception {
        List<String> skus = rows.stockedSkus(5, 3);
        String good = skus.get(0);
        String scarce = skus.get(1);
        ReservationRequest request = new ReservationRequest(
                List.of(new ReservationRequest.Line(good, 2), new ReservationRequest.Line(scarce, 1)));

        Future<ReservationView> reservation;
        try (Connection rival = rows.connection()) {
            rival.setAutoCommit(false);
            int rivalSession = sessionOf(rival);
            try (PreparedStatement takeAll =
                    rival.prepareStatement("UPDATE stock SET reserved = on_hand WHERE sku = ?")) {
                takeAll.setString(1, scarce);
                assertThat(takeAll.executeUpdate()).isEqualTo(1);
            }
            // The rival's change is not committed: the reservation still plans on 3 available units, holds
            // the first line and then queues for the scarce row's lock.
            reservation = executor.submit(() -> reservations.reserve("in-container-buyer", request));
            Eventually.await(
                    "the reservation to wait for the scarce row's lock",
                    Duration.ofSeconds(30),
                    () -> rows.isBlockingSomeone(rivalSession));
            rival.commit();
        }

        assertThatThrownBy(() -> reservation.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(OutOfStock.class);
        assertThat(rows.reserved(good)).as("units of the line that was held").isZero();
        assertThat(rows.onHand(good)).isEqualTo(5);
        assertThat(rows.reserved(scarce)).as("only the rival's hold").isEqualTo(3);
        assertThat(rows.reservationsOf(good)).as("reservation rows").isZero();
        assertThat(rows.reservationsOf(scarce)).isZero();
    }

    /**
     * Two sweeps over the same overdue holds, in the worst order: the second runs from start to end
     * while the first has claimed and released every hold but not yet committed. Each hold is expired
     * once and its units come back once, so the counter ends exactly at what the live hold keeps.
     */
    @Test
    void twoConcurrentSweepsReleaseEachOverdueHoldExactlyOnce() throws Exception {
        String sku = rows.stockedSkus(100).get(0);
        List<Long> overdue = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            overdue.add(reserve("overdue-" + i, sku, 1).id());
        }
        long live = reserve("live", sku, 10).id();
        rows.backdate(overdue);
        assertThat(rows.reserved(sku)).isEqualTo(40);
        // Other tests' holds may be due as well; the sweeps release those too, and each exactly once.
        long due = rows.dueHolds();
        assertThat(due).isGreaterThanOrEqualTo(30);

        int first;
        Future<Integer> second;
        transaction.begin();
        try {
            first = sweeper.sweep();
            second = executor.submit(sweeper::sweep);
            // A correct second sweep skips the claimed holds and ends at once; one that took them too
            // would now wait for the first's row locks, and go on when the first commits.
            Eventually.await(
                    "the second sweep to end or to wait for the first",
                    Duration.ofSeconds(30),
                    () -> second.isDone() || rows.someoneWaitsForALock());
            transaction.commit();
        } finally {
            if (transaction.getStatus() == Status.STATUS_ACTIVE) {
                transaction.rollback();
            }
        }
        long released = first + second.get(60, TimeUnit.SECONDS);

        assertThat(released).as("holds released by both sweeps together").isEqualTo(due);
        assertThat(rows.reserved(sku))
                .as("units still reserved: the live hold's")
                .isEqualTo(10);
        assertThat(rows.onHand(sku)).isEqualTo(100);
        assertThat(rows.reservationsIn("EXPIRED", overdue)).isEqualTo(30);
        assertThat(rows.reservationsIn("HELD", List.of(live))).isEqualTo(1);
        assertThat(sweeper.sweep()).as("a later sweep finds nothing left").isZero();
    }

    private ReservationView reserve(String owner, String sku, int quantity) {
        return reservations.reserve(owner, new ReservationRequest(List.of(new ReservationRequest.Line(sku, quantity))));
    }

    private static int sessionOf(Connection connection) throws Exception {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_backend_pid()");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
