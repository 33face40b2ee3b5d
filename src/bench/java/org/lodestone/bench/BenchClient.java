package org.lodestone.bench;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user of the API over real HTTP, as the HTTP benchmarks drive it: logs in once for a token, then calls. */
public class BenchClient {

    private final HttpClient http;
    private final String base;
    private String token = "";

    public BenchClient(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public void login(String user, String password) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(uri("/api/v1/auth/tokens"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        token = JsonPath.read(expect(response, 201), "$.token");
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public String id(HttpResponse<String> created) {
        return JsonPath.read(expect(created, 201), "$.id");
    }

    public String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    response.request().method() + " " + response.request().uri() + ": " + response.statusCode()
                            + " (expected " + status + ") " + response.body());
        }
        return response.body();
    }
}
