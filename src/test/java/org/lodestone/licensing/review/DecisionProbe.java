package org.lodestone.licensing.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.lodestone.Lodestone;
import org.lodestone.support.HttpApi;
import org.lodestone.support.TestDatabases;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Child process for {@code DecisionKillTests}: runs Lodestone on the demo H2 file under {@code args[0]}, prepares cases
 * over HTTP (proposals awaiting countersignature, and cases in review), prints {@code READY}, then decides them all
 * from two threads — countersignatures (which approve and issue the licence) and refusals — printing
 * {@code ACK <id> <state>} after each acknowledged answer. Its stdout is the protocol the parent test reads; the parent
 * kills it with SIGKILL while decisions are in flight.
 */
public final class DecisionProbe {

    static final int PROPOSALS = 8;
    static final int REFUSALS = 4;

    public static void main(String[] args) throws Exception {
        var app = new SpringApplication(Lodestone.class);
        // Command-line arguments win over every configuration file: the test classpath points contexts at an
        // in-memory H2, and this one must use the demo file, on a free port.
        ConfigurableApplicationContext context = app.run(
                "--server.port=0",
                "--lodestone.data-dir=" + Path.of(args[0]),
                "--spring.datasource.url=" + TestDatabases.demoFileUrl(Path.of(args[0])),
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        var api = new HttpApi("http://localhost:" + port);
        List<String> proposed = new ArrayList<>();
        List<String> inReview = new ArrayList<>();
        for (int i = 0; i < PROPOSALS + REFUSALS; i++) {
            String id = api.completeApplication("applicant");
            String path = "/api/v1/applications/" + id;
            api.post("applicant", path + "/submit", "{}").expect(200);
            api.put("reviewer", path + "/assignment", "{\"assignee\": \"reviewer\"}", null)
                    .expect(200);
            if (i < PROPOSALS) {
                api.post("reviewer", path + "/decision", """
                        {"outcome": "PROPOSE_APPROVAL", "version": %d}""".formatted(api.version("reviewer", id)))
                        .expect(200);
                proposed.add(id);
            } else {
                inReview.add(id);
            }
            System.out.println("PREPARED " + id);
        }
        System.out.println("READY");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (String id : proposed) {
            pool.submit(() -> decide(api, id, "supervisor", "/countersignature", """
                    {"outcome": "COUNTERSIGN", "version": %d}"""));
        }
        for (String id : inReview) {
            pool.submit(() -> decide(api, id, "reviewer", "/decision", """
                    {"outcome": "REFUSE", "reasonCode": "END_USE_CONCERN", "text": "Probe refusal", "version": %d}"""));
        }
        pool.shutdown();
        pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        System.out.println("DONE");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void decide(HttpApi api, String id, String user, String act, String body) {
        String path = "/api/v1/applications/" + id;
        HttpApi.Reply r = api.post(user, path + act, body.formatted(api.version(user, id)));
        if (r.status() == 200) {
            System.out.println("ACK " + id + " " + r.<String>read("$.state"));
        } else {
            System.out.println("FAILED " + id + " " + r.status() + " " + r.body());
        }
    }

    private DecisionProbe() {}
}
