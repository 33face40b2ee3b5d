package org.lodestone.licensing.evidence;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an evidence upload whose declared length already exceeds the limit, before anything is read or spooled and
 * before the browser chain's CSRF check would parse the body (which would turn "too large" into a confusing 403).
 * Uploads without a declared length are limited while streaming instead. It also creates the spool directory. Guarded by {@code InterruptedUploadTests}.
 */
final class UploadSizeGuard extends OncePerRequestFilter {

    private static final Pattern UPLOAD = Pattern.compile("^((/api/v1)?/applications|/contributions)/[^/]+/documents$");

    private final long maxRequestBytes;
    private final Path spool;

    UploadSizeGuard(long maxRequestBytes, Path spool) {
        this.maxRequestBytes = maxRequestBytes;
        this.spool = spool;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean upload =
                "POST".equals(request.getMethod()) && UPLOAD.matcher(path).matches();
        if (upload) {
            // The container spools parts there and needs it to exist; created on demand so that an instance that
            // never receives an upload writes nothing.
            Files.createDirectories(spool);
        }
        if (upload && request.getContentLengthLong() > maxRequestBytes) {
            long limit = maxRequestBytes - EvidenceConfiguration.MULTIPART_OVERHEAD;
            if (path.startsWith("/api/")) {
                response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                response.setContentType("application/problem+json");
                response.setHeader("Connection", "close");
                response.getOutputStream()
                        .write(("{\"type\":\"urn:lodestone:problem:content-too-large\",\"title\":\"File too large\","
                                        + "\"status\":413,\"detail\":\"file: the file is larger than the limit of "
                                        + limit + " bytes\",\"errors\":[{\"field\":\"file\",\"reason\":\"the file is "
                                        + "larger than the limit of " + limit + " bytes\"}],\"limitBytes\":" + limit
                                        + "}")
                                .getBytes(StandardCharsets.UTF_8));
            } else {
                response.sendError(
                        HttpStatus.CONTENT_TOO_LARGE.value(),
                        "The file is larger than the limit of " + limit + " bytes");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
