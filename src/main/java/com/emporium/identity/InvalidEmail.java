package com.emporium.identity;

import com.emporium.platform.problem.Problem;
import com.emporium.platform.problem.ProblemException;
import java.util.List;

/** An email that is not an address an account may have, found after normalising it (see EmailAddress). */
public class InvalidEmail extends ProblemException {
    public InvalidEmail() {
        super(400, "validation", "Invalid request", "One or more fields are invalid.");
    }

    @Override
    public Problem problem() {
        return super.problem()
                .withErrors(List.of(new Problem.FieldError("email", "is not an acceptable email address")));
    }
}
