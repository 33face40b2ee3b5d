package org.lodestone.licensing.licence.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.licence.Verification;
import org.lodestone.licensing.licence.VerificationThrottle;
import org.lodestone.licensing.licence.Verifications;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public verification as JSON, for scanners and customs systems; same answer and limits as the page. */
@RestController
@Tag(name = "Verification", description = "Public check of a licence by number and check code")
class VerificationApi {

    private final Verifications verifications;
    private final VerificationThrottle throttle;

    VerificationApi(Verifications verifications, VerificationThrottle throttle) {
        this.verifications = verifications;
        this.throttle = throttle;
    }

    @GetMapping(path = "/api/v1/verify/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Verify a licence (public)",
            description = "Status, validity, issuing authority and holder name when number and check code match;"
                    + " otherwise `verified: false` and nothing else, whether the number exists or not.")
    @ApiResponse(responseCode = "429", description = "Too many verifications from this address; retry later")
    Verification verify(
            @PathVariable String number,
            @RequestParam(name = "code", required = false) @Nullable String code,
            HttpServletRequest request) {
        if (!throttle.tryAcquire(request.getRemoteAddr())) {
            throw tooMany();
        }
        return verifications.verify(number, code);
    }

    private static ErrorResponseException tooMany() {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, "Too many verifications from your address; wait a minute and retry.");
        pd.setTitle("Too many requests");
        pd.setType(URI.create("urn:lodestone:problem:rate-limited"));
        var e = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, pd, null);
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
        return e;
    }
}
