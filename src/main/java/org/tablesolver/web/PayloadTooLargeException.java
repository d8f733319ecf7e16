package org.tablesolver.web;

import java.io.IOException;

/** Thrown while reading a request body that grows past the limit (also for chunked bodies). */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
