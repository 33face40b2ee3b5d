package org.lodestone.licensing.evidence.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestone.licensing.ApplicationFixtures;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.EvidenceFixtures;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** #3 evidence in the browser UI without JavaScript: list, upload form, refusal shown on the page, download. */
@IntegrationTest
class EvidencePagesTests {

    @Autowired
    MockMvcTester mvc;

    ApplicationId application;

    @BeforeEach
    void draft() {
        application = EvidenceFixtures.application(mvc, "applicant");
    }

    @Test
    void applicantUploadsThroughThePlainFormAndDownloads() throws Exception {
        MockHttpSession session = login("applicant");
        String page = html(mvc.get()
                .uri("/applications/" + application + "/documents")
                .session(session)
                .exchange());
        assertThat(page).contains("No evidence documents yet.").contains("enctype=\"multipart/form-data\"");

        byte[] pdf = EvidenceFixtures.pdf("ui upload");
        MvcTestResult uploaded = mvc.post()
                .uri("/applications/" + application + "/documents")
                .session(session)
                .with(csrf())
                .multipart()
                .file(new MockMultipartFile("file", "<img src=x onerror=alert(1)>.pdf", "application/pdf", pdf))
                .param("type", "END_USER_CERTIFICATE")
                .exchange();
        assertThat(uploaded).hasStatus3xxRedirection().hasRedirectedUrl("/applications/" + application + "/documents");

        page = html(mvc.get()
                .uri("/applications/" + application + "/documents")
                .session(session)
                .exchange());
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;.pdf").doesNotContain("<img src=x");
        assertThat(page).contains("<td>End-user certificate</td>").contains("Production-line video");
        var link = Pattern.compile("href=\"(/documents/[0-9a-f-]+/content[^\"]*)\"")
                .matcher(page);
        assertThat(link.find()).isTrue();
        MvcTestResult download = mvc.get().uri(link.group(1)).session(session).exchange();
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
    }

    @Test
    void refusedUploadIsExplainedOnThePage() throws Exception {
        MockHttpSession session = login("applicant");
        MvcTestResult refused = mvc.post()
                .uri("/applications/" + application + "/documents")
                .session(session)
                .with(csrf())
                .multipart()
                .file(new MockMultipartFile("file", "cert.pdf", "application/pdf", EvidenceFixtures.html()))
                .param("type", "END_USER_CERTIFICATE")
                .exchange();
        assertThat(refused).hasStatus(415);
        assertThat(html(refused)).contains("text/html").contains("END_USER_CERTIFICATE");
    }

    @Test
    void reviewerSeesTheListButNoUploadForm() throws Exception {
        // The bureau sees an application once it is submitted to it; the applicant can no longer attach either.
        String submitted = new ApplicationFixtures(mvc).submitted("applicant");
        String page = html(mvc.get()
                .uri("/applications/" + submitted + "/documents")
                .session(login("reviewer"))
                .exchange());
        assertThat(page)
                .contains("Evidence on file")
                .contains("end_user_certificate.pdf")
                .doesNotContain("evidence-upload");
        assertThat(html(mvc.get()
                        .uri("/applications/" + submitted + "/documents")
                        .session(login("applicant"))
                        .exchange()))
                .contains("end_user_certificate.pdf")
                .doesNotContain("evidence-upload");
    }

    @Test
    void foreignApplicationsAre404() throws Exception {
        var fx = new ApplicationFixtures(mvc);
        var other = fx.draft(fx.otherExporter("CN-JX"));
        assertThat(mvc.get()
                        .uri("/applications/" + other + "/documents")
                        .session(login("applicant"))
                        .exchange())
                .hasStatus(404);
    }

    private MockHttpSession login(String username) {
        MvcTestResult result = mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", "demo")
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private static String html(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
