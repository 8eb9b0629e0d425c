package io.plantsync.bench;

/** One command envelope as an adapter sends it: the adapter's token and the JSON body. */
public record Command(String token, String json) {}
