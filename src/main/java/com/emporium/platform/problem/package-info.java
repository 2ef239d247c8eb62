/**
 * RFC 9457 problem details for every error the API, the JAX-RS runtime or the servlet container can
 * answer. Services throw {@link com.emporium.platform.problem.ProblemException} subclasses; one mapper
 * family renders them, and anything unexpected becomes a 500 with an incident id and nothing else.
 */
package com.emporium.platform.problem;
