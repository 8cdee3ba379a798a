package dev.origin.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The HTTP examples of docs/errors.md ("The server"): each request, sent to a server, gets exactly the status and body shown. */
class ErrorExamplesTest {
    static Fixture f;

    @BeforeAll static void start() { f = new Fixture(); }

    @AfterAll static void stop() { f.close(); }

    @TestFactory
    List<DynamicTest> theExamplesOfErrorsMdAreWhatTheServerAnswers() throws Exception {
        String doc = Files.readString(Fixture.ROOT.resolve("docs/errors.md"));
        List<DynamicTest> tests = new ArrayList<>();
        for (String section : doc.split("\n### ")) {
            Matcher m = Pattern.compile("(?ms)\\A`([A-Z_]+)`\\n.*?^```http\\n(.*?)^```\\n\\s*^```json (\\d{3})\\n(.*?)^```\\n").matcher(section);
            if (!m.find()) continue;
            String code = m.group(1);
            String request = m.group(2);
            int status = Integer.parseInt(m.group(3));
            String expected = m.group(4);
            tests.add(DynamicTest.dynamicTest(code, () -> {
                String[] parts = request.split("\\n\\n", 2);
                String[] lines = parts[0].split("\\n");
                String[] first = lines[0].split(" ");
                String token = null;
                String type = null;
                for (int i = 1; i < lines.length; i++) {
                    if (lines[i].startsWith("Authorization: Bearer ")) {
                        String t = lines[i].substring("Authorization: Bearer ".length()).strip();
                        token = t.equals("VIEWER_TOKEN") ? f.viewerToken : t.equals("ADMIN_TOKEN") ? f.adminToken : t;
                    }
                    if (lines[i].startsWith("Content-Type: ")) type = lines[i].substring("Content-Type: ".length()).strip();
                }
                HttpResponse<String> r = f.send(first[0], first[1], token, type, parts.length > 1 ? parts[1].strip() : null);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
                ObjectMapper json = new ObjectMapper();
                assertThat(json.readTree(r.body())).isEqualTo(json.readTree(expected));
                assertThat(r.body()).contains("\"" + code + "\"");
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(9);
        return tests;
    }
}
