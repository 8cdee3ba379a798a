package dev.origin.io.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RuleSyntax;
import dev.origin.core.rules.RuleSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RuleCacheTest {
    @Test
    void aTextIsParsedOnceAndGivesWhatTheParserGives() {
        RuleCache cache = new RuleCache(8, 100);
        String text = "CTSH and RVC(NC) >= 51.25";
        Rule first = cache.parse(text);
        assertThat(first).isEqualTo(RuleSyntax.parse(text));
        assertThat(cache.parse(new String(text.toCharArray()))).isSameAs(first);
        assertThat(cache.size()).isEqualTo(1);
        // the reader of the tables uses the shared cache
        String other = "CC and RVC(NC) >= 33.75";
        assertThat(RuleCache.SHARED.parse(other)).isSameAs(RuleCache.SHARED.parse(other)).isEqualTo(RuleSyntax.parse(other));
    }

    @Test
    void aTextThatDoesNotParseFailsEveryTimeAndIsNotKept() {
        RuleCache cache = new RuleCache(8, 100);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.parse("CTH and RVC(NC) >= ")).isInstanceOf(RuleSyntaxException.class);
        }
        assertThat(cache.size()).isZero();
        // a text longer than the bound is parsed, not kept
        String longText = "CTH and RVC(NC) >= 60" + " ".repeat(100);
        assertThat(cache.parse(longText)).isEqualTo(RuleSyntax.parse(longText));
        assertThat(cache.size()).isZero();
    }

    @Test
    void manyThreadsAndMoreTextsThanTheBoundGetTheParsersRules() throws Exception {
        // more distinct texts than the cache keeps, read by four threads at once: every answer is the parser's, the
        // cache stays within its bound
        RuleCache cache = new RuleCache(300, 100);
        int texts = 800;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < texts; i++) {
                        int k = (i * 7 + offset * 13) % texts;
                        String text = (k % 2 == 0 ? "CTH" : "CC") + " and RVC(NC) >= " + (k / 100) + "." + (k % 100);
                        assertThat(cache.parse(text)).as(text).isEqualTo(RuleSyntax.parse(text));
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : done) assertThat(f.get()).isEqualTo(texts);
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isBetween(1, 300);
        // one thread over as many texts fills it to the bound exactly
        RuleCache one = new RuleCache(300, 100);
        for (int k = 0; k < texts; k++) one.parse("CTH and RVC(NC) >= " + (k / 100) + "." + (k % 100));
        assertThat(one.size()).isEqualTo(300);
    }
}
