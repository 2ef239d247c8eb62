package emporium.operator.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects the outcome of every check: one line per check, PASS or FAIL with the reason. */
public final class Report {
    private final List<String> passed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final boolean echo;

    public Report(boolean echo) {
        this.echo = echo;
    }

    public void pass(String check) {
        passed.add(check);
        if (echo) {
            System.out.println("PASS " + check);
        }
    }

    public void fail(String check, String reason) {
        String line = check + ": " + reason;
        failed.add(line);
        if (echo) {
            System.out.println("FAIL " + line);
        }
    }

    /** Records one check that passes when {@code problems} is empty. */
    public void check(String check, List<String> problems) {
        if (problems.isEmpty()) {
            pass(check);
        } else {
            fail(check, String.join("; ", problems));
        }
    }

    public int passedCount() {
        return passed.size();
    }

    public int failedCount() {
        return failed.size();
    }

    public List<String> failures() {
        return List.copyOf(failed);
    }
}
