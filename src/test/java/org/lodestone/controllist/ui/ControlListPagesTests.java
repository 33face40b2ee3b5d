package org.lodestone.controllist.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.Test;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The determination form and the browse page, server-rendered without JavaScript (#2). */
@IntegrationTest
class ControlListPagesTests {

    @Autowired
    MockMvcTester mvc;

    MvcTestResult submit(String... params) {
        var request = mvc.post()
                .uri("/determinations")
                .with(user("applicant").roles("APPLICANT"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    @Test
    void showsTheEmptyForm() {
        var page = mvc.get()
                .uri("/determinations/new")
                .with(user("applicant").roles("APPLICANT"))
                .exchange();

        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("Licence determination")
                .contains("name=\"symbol\"")
                .contains("_csrf")
                .contains("EV traction motors");
    }

    @Test
    void rendersAReadableResult() {
        var page = submit(
                "description",
                "Dysprosium oxide",
                "symbol",
                "Dy",
                "percent",
                "87.1",
                "symbol",
                "O",
                "percent",
                "12.9",
                "destination",
                "de",
                "endUseCode",
                "EV_TRACTION_MOTORS",
                "date",
                "2025-05-01");

        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains("LICENCE REQUIRED")
                .contains("1C905.b")
                .contains("inferred")
                .contains("MOFCOM/GAC Announcement 2025 No. 18")
                .contains("A licence is required");
    }

    @Test
    void showsFieldErrorsNextToTheFieldsAndEscapesInput() {
        var page = submit(
                "description",
                "<script>alert(1)</script>",
                "symbol",
                "Xx",
                "percent",
                "-3",
                "destination",
                "ZZ",
                "date",
                "2200-01-01");

        assertThat(page).hasStatus(422);
        assertThat(page)
                .bodyText()
                .contains("is not a chemical element symbol")
                .contains("&#39;ZZ&#39; is not an ISO 3166-1 alpha-2 country code")
                .contains("must be between 1990-01-01 and 2100-12-31")
                .doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;");
    }

    @Test
    void browsesEntriesInForceOnADate() {
        var before = mvc.get()
                .uri("/control-list?date=2025-03-01&element=Dy")
                .with(user("applicant").roles("APPLICANT"))
                .exchange();
        var after = mvc.get()
                .uri("/control-list?date=2025-05-01&element=Dy")
                .with(user("applicant").roles("APPLICANT"))
                .exchange();
        var holmium = mvc.get()
                .uri("/control-list?date=2025-12-15&element=Ho")
                .with(user("applicant").roles("APPLICANT"))
                .exchange();

        assertThat(before)
                .hasStatusOk()
                .bodyText()
                .contains("No entry is in force")
                .doesNotContain("1C905.b");
        assertThat(after)
                .hasStatusOk()
                .bodyText()
                .contains("1C905.a")
                .contains("1C905.b")
                .contains("1C905.c");
        assertThat(holmium)
                .hasStatusOk()
                .bodyText()
                .contains("1C909.b")
                .contains("suspended by MOFCOM/GAC Announcement 2025 No. 70");
    }

    @Test
    void refusesABadDateOnTheBrowsePage() {
        var page = mvc.get()
                .uri("/control-list?date=yesterday")
                .with(user("applicant").roles("APPLICANT"))
                .exchange();

        assertThat(page).hasStatus(422).bodyText().contains("is not an ISO date");
    }
}
