package org.tablesolver.web;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.tablesolver.database.SqlStates;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the API into {@code application/problem+json} (RFC 9457) with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code field} (the first offending field as a JSON
 * path, or the path variable's name) and {@code errors} (all offending fields).
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException ex) {
        HttpHeaders headers = null;
        if (ex.retryAfterSeconds() != null) {
            headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
        }
        ResponseEntity<Object> entity = ProblemResponses.entity(ex.status(), ex.getMessage(), ex.errors(), headers);
        if (entity.getBody() instanceof ProblemDetail problem) {
            ex.properties().forEach(problem::setProperty);
        }
        return entity;
    }

    @ExceptionHandler({DataIntegrityViolationException.class, PessimisticLockingFailureException.class,
            TransientDataAccessException.class})
    ResponseEntity<Object> concurrentChange(Exception ex) {
        if (SqlStates.isConnectionFailure(ex)) {
            return outcomeUnknown(ex);
        }
        if (SqlStates.isDataError(ex)) {
            return ProblemResponses.entity(HttpStatus.BAD_REQUEST, "A value of the request cannot be stored (out of "
                    + "range, or text with characters the database refuses); nothing was changed.", List.of(), null);
        }
        log.info("Request refused by a database constraint or lock: {}", ex.getMessage());
        return ProblemResponses.entity(HttpStatus.CONFLICT,
                "The change conflicts with the data stored (possibly by a concurrent request); nothing was changed.",
                List.of(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (SqlStates.isConnectionFailure(ex)) {
            return outcomeUnknown(ex);
        }
        PayloadTooLargeException tooLarge = find(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return ProblemResponses.entity(HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimitFilter.tooLarge(), List.of(),
                    closeConnection());
        }
        log.error("Unexpected error", ex);
        return ProblemResponses.entity(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; nothing was changed.", List.of(), null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), String.valueOf(e.getDefaultMessage())))
                .toList();
        return ProblemResponses.entity(HttpStatus.BAD_REQUEST, new InvalidRequestException(errors).getMessage(),
                errors, null);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        error instanceof FieldError fieldError ? fieldError.getField()
                                : result.getMethodParameter().getParameterName(),
                        String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ProblemResponses.entity(HttpStatus.BAD_REQUEST, new InvalidRequestException(errors).getMessage(),
                errors, null);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName() : "value";
        String message = "'" + ex.getValue() + "' is not " + JsonProblems.describe(ex.getRequiredType());
        return ProblemResponses.entity(HttpStatus.BAD_REQUEST, field + ": " + message,
                List.of(new FieldProblem(field, message)), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (find(ex, PayloadTooLargeException.class) != null) {
            return ProblemResponses.entity(HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimitFilter.tooLarge(),
                    List.of(), closeConnection());
        }
        JsonProcessingException json = find(ex, JsonProcessingException.class);
        if (json != null) {
            return api(JsonProblems.toInvalidRequest(json));
        }
        return ProblemResponses.entity(HttpStatus.BAD_REQUEST, "A JSON request body is required.", List.of(), null);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail()
                : HttpStatus.resolve(statusCode.value()) != null
                        ? HttpStatus.resolve(statusCode.value()).getReasonPhrase()
                        : ex.getMessage();
        if (statusCode.is5xxServerError()) {
            log.error("Request failed", ex);
        }
        return ProblemResponses.entity(statusCode, detail, List.of(), headers);
    }

    /**
     * 503: the database connection failed while the request ran. Whatever the request wrote may or may not have been
     * committed, so the answer never says "nothing was changed"; every write can be retried without duplicating.
     */
    private ResponseEntity<Object> outcomeUnknown(Exception ex) {
        log.warn("Database connection failed during a request: {}", ex.toString());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return ProblemResponses.entity(HttpStatus.SERVICE_UNAVAILABLE, "The database connection failed while the "
                + "request ran: whether its change was stored is unknown. Retry with the same id (a booking create: the "
                + "same id or Idempotency-Key; a change: If-Match with the version you saw) - a retry never applies a "
                + "change twice - or read the resource to see its state.", List.of(), headers);
    }

    private static HttpHeaders closeConnection() {
        HttpHeaders headers = new HttpHeaders();
        headers.setConnection("close");
        return headers;
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
