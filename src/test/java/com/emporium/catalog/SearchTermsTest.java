package com.emporium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermsTest {
    @Test
    void splitsWordsPhrasesAndExclusionsAsWebSearchDoes() {
        SearchTerms terms = SearchTerms.parse("widget \"blue steel\" -tie -\"bow tie\" or gadget");
        assertThat(terms.words()).isEqualTo("widget gadget");
        assertThat(terms.phrases()).isEqualTo("\"blue steel\"");
        assertThat(terms.exclusions()).isEqualTo("tie or \"bow tie\"");
    }

    @Test
    void aLoneHyphenAndAnUnclosedQuoteAreReadAsWebSearchReadsThem() {
        SearchTerms terms = SearchTerms.parse("left - right \"open phrase");
        assertThat(terms.words()).isEqualTo("left - right");
        assertThat(terms.phrases()).isEqualTo("\"open phrase\"");
        assertThat(terms.hasExclusions()).isFalse();
    }

    @Test
    void onlyExclusionsLeaveNothingToCompareBySimilarity() {
        SearchTerms terms = SearchTerms.parse("-tie");
        assertThat(terms.hasWords()).isFalse();
        assertThat(terms.exclusions()).isEqualTo("tie");
    }
}
