/**
 * How request bodies become Java: one JSON-B configuration for every resource. Whole-number fields take
 * only JSON numbers their Java type holds exactly (no silent truncation of fractions, no wrapping of
 * out-of-range values), and a body may carry only properties its request record declares.
 */
package com.emporium.platform.json;
