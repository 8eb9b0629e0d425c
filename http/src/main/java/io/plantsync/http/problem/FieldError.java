package io.plantsync.http.problem;

/** One invalid field of a request: a JSON Pointer (RFC 6901) into the body and what is wrong. */
public record FieldError(String pointer, String message) {}
