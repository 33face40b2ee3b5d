package org.lodestone.licensing.notification;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 for a notification that does not exist or belongs to someone else: the two are indistinguishable on purpose. */
public final class NotificationNotFound extends ErrorResponseException {

    public NotificationNotFound(NotificationId id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(NotificationId id) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "id: no notification " + id);
        pd.setTitle("Notification not found");
        pd.setType(URI.create("urn:lodestone:problem:not-found"));
        return pd;
    }
}
