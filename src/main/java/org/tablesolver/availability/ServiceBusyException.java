package org.tablesolver.availability;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.tablesolver.web.ApiException;

/** 503 with Retry-After: the service cannot answer in time now; nothing was written, asking again is safe. */
final class ServiceBusyException extends ApiException {

    ServiceBusyException(String detail, int retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, detail, List.of());
        retryAfter(retryAfterSeconds);
    }
}
