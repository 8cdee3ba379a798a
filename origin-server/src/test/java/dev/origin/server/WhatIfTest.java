package dev.origin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The what-if panel over HTTP: a changed material re-evaluates the good; the hidden case file is the original. */
class WhatIfTest {
    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Test
    void flippingTheEngineToNonOriginatingFailsTheRvc() {
        try (Fixture f = new Fixture()) {
            Fixture.Browser b = f.new Browser().signIn("vera");
            HttpResponse<String> q = b.send("POST", "/qualify", "application/x-www-form-urlencoded",
                    Fixture.form("csrf", b.csrf, "caseFile", Fixture.example("passenger-vehicle.json"), "regime", "usmca"), Map.of("HX-Request", "true"));
            assertThat(q.statusCode()).isEqualTo(200);
            assertThat(q.body()).contains("data-verdict=\"ORIGINATING\"");
            String caseFile = unescape(Fixture.field(q.body(), "caseFile"));
            HttpResponse<String> w = b.send("POST", "/what-if", "application/x-www-form-urlencoded",
                    Fixture.form("csrf", b.csrf, "caseFile", caseFile, "good", "sedan-2024", "regime", "usmca", "date", "", "m.11.origin", "non-originating"),
                    Map.of("HX-Request", "true"));
            assertThat(w.statusCode()).as(w.body()).isEqualTo(200);
            assertThat(w.body()).contains("data-verdict=\"NON_ORIGINATING\"").contains("67.3118 %").contains("Before: <b>originating</b>");
        }
    }
}
