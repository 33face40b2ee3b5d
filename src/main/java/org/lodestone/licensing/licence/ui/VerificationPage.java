package org.lodestone.licensing.licence.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.lodestone.licensing.licence.Verification;
import org.lodestone.licensing.licence.VerificationThrottle;
import org.lodestone.licensing.licence.Verifications;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public verification page the certificate's QR code opens. Shows status, validity, issuing authority and holder
 * name — nothing confidential — or the same "cannot be verified" answer for an unknown number and a wrong code. A
 * form lets a person type the code printed on the certificate. Rate-limited per client address (429).
 */
@Controller
class VerificationPage {

    private final Verifications verifications;
    private final VerificationThrottle throttle;

    VerificationPage(Verifications verifications, VerificationThrottle throttle) {
        this.verifications = verifications;
        this.throttle = throttle;
    }

    @GetMapping("/verify/{number}")
    String verify(
            @PathVariable String number,
            @RequestParam(name = "code", required = false) @Nullable String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("number", number.length() > 40 ? number.substring(0, 40) : number);
        if (!throttle.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "60");
            model.addAttribute("limited", true);
            return "verify/verify";
        }
        if (code == null || code.isBlank()) {
            model.addAttribute("askCode", true);
            return "verify/verify";
        }
        Verification result = verifications.verify(number, code);
        model.addAttribute("result", result);
        return "verify/verify";
    }
}
