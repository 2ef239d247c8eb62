package com.emporium.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.emporium.platform.problem.InvalidRequest;
import com.emporium.platform.problem.PreconditionRequired;
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
    void weakUnquotedOrForeignTagsAreInvalid() {
        for (String header : new String[] {"W/\"1\"", "1", "\"abc\"", "\"\"", "*"}) {
            assertThatThrownBy(() -> IfMatch.requiredVersion(header)).as(header).isInstanceOf(InvalidRequest.class);
        }
    }
}
