package com.emporium.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.emporium.platform.problem.InvalidRequest;
import com.emporium.platform.problem.PreconditionRequired;
import com.emporium.platform.problem.StaleVersion;
import org.junit.jupiter.api.Test;

class IfMatchTest {
    @Test
    void readsTheVersionFromAStrongTag() {
        assertThat(IfMatch.requiredVersion("\"12\"")).isEqualTo(12);
        assertThat(IfMatch.requiredVersion(" \"3\" ")).isEqualTo(3);
    }

    @Test
    void aMissingHeaderIsAPreconditionRequired() {
        assertThatThrownBy(() -> IfMatch.requiredVersion(null)).isInstanceOf(PreconditionRequired.class);
        assertThatThrownBy(() -> IfMatch.requiredVersion(" ")).isInstanceOf(PreconditionRequired.class);
    }

    @Test
    void unquotedTagsAreInvalid() {
        for (String header : new String[] {"1", "\"", "W"}) {
            assertThatThrownBy(() -> IfMatch.requiredVersion(header)).as(header).isInstanceOf(InvalidRequest.class);
        }
    }

    /** RFC 9110 §13.1.1: strong comparison, so a weak or foreign tag is a failed precondition. */
    @Test
    void weakOrForeignTagsNeverMatch() {
        for (String header : new String[] {"W/\"1\"", "\"abc\"", "\"\"", "\"1\", \"2\""}) {
            assertThatThrownBy(() -> IfMatch.requiredVersion(header)).as(header).isInstanceOf(StaleVersion.class);
        }
    }

    @Test
    void anAsteriskMatchesAnyCurrentVersion() {
        long any = IfMatch.requiredVersion("*");
        assertThat(IfMatch.matches(any, 7)).isTrue();
        assertThat(IfMatch.matches(IfMatch.requiredVersion("\"7\""), 7)).isTrue();
        assertThat(IfMatch.matches(IfMatch.requiredVersion("\"6\""), 7)).isFalse();
    }

    @Test
    void anOptionalIfMatchMayBeAbsent() {
        assertThat(IfMatch.matches(IfMatch.optionalVersion(null), 3)).isTrue();
        assertThat(IfMatch.optionalVersion("\"3\"")).isEqualTo(3);
    }
}
