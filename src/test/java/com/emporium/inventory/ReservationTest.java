package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.emporium.platform.Sku;
import com.emporium.platform.problem.Conflict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReservationTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(15);
    private static final Duration LONGEST = Duration.ofMinutes(40);

    private static Reservation reservation() {
        return new Reservation(
                "alice",
                List.of(
                        new ReservationLine(new Sku("B"), 2, 1),
                        new ReservationLine(new Sku("A"), 3, 1),
                        new ReservationLine(new Sku("A"), 1, 1)),
                NOW,
                HOLD);
    }

    @Test
    void aHoldWithTimeLeftDoesNotExpire() {
        Reservation r = reservation();
        assertThat(r.expire(NOW.plus(HOLD).minusMillis(1))).isFalse();
        assertThat(r.status()).isEqualTo(Reservation.Status.HELD);
        assertThat(r.endedAt()).isNull();
    }

    @Test
    void aHoldExpiresOnceWhenItsTimeHasCome() {
        Reservation r = reservation();
        assertThat(r.expire(NOW.plus(HOLD))).isTrue();
        assertThat(r.status()).isEqualTo(Reservation.Status.EXPIRED);
        assertThat(r.endedAt()).isEqualTo(NOW.plus(HOLD));
        assertThat(r.expire(NOW.plus(HOLD).plusSeconds(5))).isFalse();
        assertThat(r.endedAt()).isEqualTo(NOW.plus(HOLD));
    }

    @Test
    void aReleasedOrSoldHoldNeverExpires() {
        Reservation released = reservation();
        released.release(NOW.plusSeconds(1));
        assertThat(released.expire(NOW.plus(Duration.ofHours(2)))).isFalse();
        assertThat(released.status()).isEqualTo(Reservation.Status.RELEASED);

        Reservation sold = reservation();
        sold.sell(NOW.plusSeconds(1));
        assertThat(sold.expire(NOW.plus(Duration.ofHours(2)))).isFalse();
        assertThat(sold.status()).isEqualTo(Reservation.Status.SOLD);
    }

    @Test
    void anExpiredHoldCanNeitherBeSoldNorReleasedAgain() {
        Reservation r = reservation();
        r.expire(NOW.plus(HOLD));
        assertThat(r.release(NOW.plus(HOLD).plusSeconds(1))).isFalse();
        assertThatThrownBy(() -> r.sell(NOW.plus(HOLD).plusSeconds(1))).isInstanceOf(Conflict.class);
        assertThat(r.status()).isEqualTo(Reservation.Status.EXPIRED);
    }

    @Test
    void releasingTwiceGivesUnitsBackOnlyOnce() {
        Reservation r = reservation();
        assertThat(r.release(NOW.plusSeconds(1))).isTrue();
        assertThat(r.release(NOW.plusSeconds(2))).isFalse();
        assertThat(r.status()).isEqualTo(Reservation.Status.RELEASED);
    }

    @Test
    void anOverdueHoldCannotBeExtendedEvenBeforeTheSweeperRuns() {
        Reservation r = reservation();
        r.extend(NOW.plusSeconds(60), HOLD, LONGEST);
        assertThat(r.expiresAt()).isEqualTo(NOW.plusSeconds(60).plus(HOLD));
        assertThatThrownBy(() -> r.extend(NOW.plus(Duration.ofHours(1)), HOLD, LONGEST))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void extensionsStopAtTheLongestHoldAfterWhichTheyAreRefused() {
        Reservation r = reservation();
        r.extend(NOW.plus(Duration.ofMinutes(14)), HOLD, LONGEST);
        r.extend(NOW.plus(Duration.ofMinutes(28)), HOLD, LONGEST);
        assertThat(r.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(40)));
        assertThatThrownBy(() -> r.extend(NOW.plus(Duration.ofMinutes(39)), HOLD, LONGEST))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("cannot be held past 2026-01-01T12:40:00Z");
    }

    @Test
    void linesAreLockedInSkuThenLocationOrder() {
        assertThat(reservation().linesInLockOrder())
                .extracting(l -> l.sku() + "@" + l.locationId())
                .containsExactly("A@1", "A@3", "B@2");
    }

    @Test
    void onlyTheOwnerOwnsIt() {
        assertThat(reservation().ownedBy("alice")).isTrue();
        assertThat(reservation().ownedBy("bob")).isFalse();
    }
}
