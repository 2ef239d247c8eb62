package com.emporium.identity;

import static com.emporium.testsupport.Accounts.PASSWORD;
import static com.emporium.testsupport.Accounts.clientIp;
import static com.emporium.testsupport.Accounts.from;
import static com.emporium.testsupport.Accounts.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.testsupport.Accounts;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Registration answers alike, in status, body and time, whether the email already has an account. */
class RegistrationPrivacyIT {

    private static Response register(String email, String password) {
        return from(clientIp())
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/register");
    }

    @Test
    void newAndTakenEmailsGetTheSameAnswerInSimilarTime() {
        Accounts.Login owner = Accounts.customer();
        List<Long> newTimes = new ArrayList<>();
        List<Long> takenTimes = new ArrayList<>();
        String newBody = null;
        String takenBody = null;
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            Response fresh = register(uniqueEmail("fresh"), PASSWORD);
            long t1 = System.nanoTime();
            Response taken = register(owner.email(), "an attacker's long passphrase");
            long t2 = System.nanoTime();
            newTimes.add(t1 - t0);
            takenTimes.add(t2 - t1);
            assertThat(fresh.statusCode()).isEqualTo(202);
            assertThat(taken.statusCode()).isEqualTo(202);
            newBody = fresh.asString();
            takenBody = taken.asString();
        }
        assertThat(takenBody).isEqualTo(newBody);
        double ratio = (double) median(takenTimes) / median(newTimes);
        assertThat(ratio).as("median time taken/new").isBetween(0.5, 2.0);
        // The owner's password is untouched and the owner's attempt is on record for the notice.
        Accounts.login(owner.email(), PASSWORD);
        assertThat(IdentityDatabase.count(
                        "SELECT count(*) FROM audit_event WHERE type = 'account.registration-for-existing'"
                                + " AND subject = ?",
                        Long.toString(owner.id())))
                .isEqualTo(6);
    }

    @Test
    void concurrentRegistrationsOfOneEmailMakeOneAccountAndNoError() throws Exception {
        String email = uniqueEmail("race");
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> register(email, PASSWORD).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(202).hasSize(4);
        assertThat(IdentityDatabase.count("SELECT count(*) FROM account WHERE email = ?", email))
                .isEqualTo(1);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
