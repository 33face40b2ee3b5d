package org.lodestone.licensing.application;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Role;
import org.lodestone.licensing.ApplicationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * TEMPORARY stand-in for the application aggregate's ApplicationAccess, so evidence can be built and tested alone;
 * backed by an in-memory map the tests fill. Dropped on merge.
 */
@Component
public class TempApplicationAccess implements ApplicationAccess {

    private static final Set<String> ACCEPTS_EVIDENCE = Set.of("DRAFT", "INFORMATION_REQUESTED");

    private final Map<ApplicationId, ApplicationSummary> applications = new ConcurrentHashMap<>();

    public void put(ApplicationSummary summary) {
        applications.put(summary.id(), summary);
    }

    @Override
    public ApplicationSummary require(ApplicationId id, CurrentUser user, Action action) {
        ApplicationSummary a = applications.get(id);
        if (a == null) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND);
        }
        boolean owner = a.applicant().equals(user.organisationId());
        boolean authority =
                a.competentAuthority() != null && a.competentAuthority().equals(user.organisationId());
        switch (action) {
            case READ -> {
                if (!owner && !authority) {
                    throw new ErrorResponseException(HttpStatus.NOT_FOUND);
                }
            }
            case ATTACH_EVIDENCE -> {
                if (!owner || !user.has(Role.APPLICANT)) {
                    throw new ErrorResponseException(HttpStatus.NOT_FOUND);
                }
                if (!ACCEPTS_EVIDENCE.contains(a.state())) {
                    throw new ErrorResponseException(HttpStatus.CONFLICT);
                }
            }
        }
        return a;
    }
}
