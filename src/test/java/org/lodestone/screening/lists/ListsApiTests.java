package org.lodestone.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestone.support.DemoLogins;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The list API end to end (#4): an admin uploads each real format's fixture, the release is active with its counts;
 * a second release answers its diff; a file of another format than declared is a 422 naming {@code format} and the
 * active release stays; the demo list is listed. Each test uses its own list code.
 */
@IntegrationTest
class ListsApiTests {

    @Autowired
    MockMvcTester mvc;

    static String body(MvcTestResult r) {
        try {
            return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    MvcTestResult upload(String list, String format, String fixture) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/screening/lists/" + fixture)) {
            return upload(list, format, fixture, in.readAllBytes());
        }
    }

    MvcTestResult upload(String list, String format, String name, byte[] content) {
        return mvc.post()
                .uri("/api/v1/screening/lists/" + list + "/releases")
                .multipart()
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .param("format", format)
                .param("name", "Test " + list)
                .with(DemoLogins.as(mvc, "admin"))
                .exchange();
    }

    static String code() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void eachRealFormatImportsItsFixture() throws IOException {
        for (String[] f : List.of(
                new String[] {"ftm-json", "entities.ftm.json", "7"},
                new String[] {"opensanctions-simple-csv", "targets.simple.csv", "5"},
                new String[] {"csl-csv", "csl.csv", "5"},
                new String[] {"csl-json", "csl.json", "3"},
                new String[] {"lodestone-csv", "national.csv", "5"})) {
            String list = code();
            MvcTestResult r = upload(list, f[0], f[1]);
            assertThat(r).as(f[0] + ": " + body(r)).hasStatus(201);
            assertThat(JsonPath.<String>read(body(r), "$.release.state")).isEqualTo("ACTIVE");
            assertThat(JsonPath.<Integer>read(body(r), "$.release.imported"))
                    .as(f[0])
                    .isEqualTo(Integer.parseInt(f[2]));
            assertThat(JsonPath.<Integer>read(body(r), "$.release.added")).isEqualTo(Integer.parseInt(f[2]));
        }
    }

    @Test
    void aSecondReleaseAnswersItsDiffAndAWrongFormatLeavesItActive() throws IOException {
        String list = code();
        assertThat(upload(list, "lodestone-csv", "national.csv")).hasStatus(201);
        String second = """
                id,schema,name,countries
                NL-001,Company,Example Magnetics Trading Co.,CN
                NL-009,Company,Brand New Entry Ltd,CN
                NL-010,Company,,CN
                """;
        MvcTestResult r = upload(list, "lodestone-csv", "second.csv", second.getBytes(StandardCharsets.UTF_8));
        assertThat(r).as(body(r)).hasStatus(201);
        String id = JsonPath.read(body(r), "$.release.id");
        assertThat(JsonPath.<Integer>read(body(r), "$.release.added")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(body(r), "$.release.changed")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(body(r), "$.release.removed")).isEqualTo(4);
        assertThat(JsonPath.<Integer>read(body(r), "$.rejectedLines[0].line")).isEqualTo(4);

        MvcTestResult diff = mvc.get()
                .uri("/api/v1/screening/lists/" + list + "/releases/" + id + "/diff?kind=REMOVED")
                .with(DemoLogins.as(mvc, "reviewer"))
                .exchange();
        assertThat(diff).hasStatus(200);
        assertThat(JsonPath.<List<String>>read(body(diff), "$.entries[*].entryId"))
                .containsExactly("NL-002", "NL-003", "NL-004", "NL-005");

        MvcTestResult wrong = upload(list, "csl-json", "national.csv");
        assertThat(wrong).hasStatus(422);
        assertThat(wrong.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(body(wrong), "$.errors[0].field")).isEqualTo("format");
        MvcTestResult lists = mvc.get()
                .uri("/api/v1/screening/lists")
                .with(DemoLogins.as(mvc, "applicant"))
                .exchange();
        assertThat(JsonPath.<List<String>>read(body(lists), "$[?(@.code == '" + list + "')].active.id"))
                .containsExactly(id);
        assertThat(body(lists)).contains(ListsConfiguration.DEMO_LIST);
    }

    @Test
    void badFieldsAreNamed() {
        MvcTestResult noFormat = upload(code(), "", "x.csv", "id,schema,name\n".getBytes(StandardCharsets.UTF_8));
        assertThat(JsonPath.<String>read(body(noFormat), "$.errors[0].field")).isEqualTo("format");
        MvcTestResult badCode = upload("Bad Code!", "lodestone-csv", "x.csv", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(badCode).hasStatus(422);
        assertThat(JsonPath.<String>read(body(badCode), "$.errors[0].field")).isEqualTo("listCode");
        MvcTestResult unknown = upload(code(), "xlsx", "x.csv", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(JsonPath.<String>read(body(unknown), "$.errors[0].reason")).contains("unknown format");
    }
}
