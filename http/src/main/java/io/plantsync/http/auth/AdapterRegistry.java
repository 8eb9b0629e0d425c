package io.plantsync.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Maps bearer tokens to adapters. Only SHA-256 hashes of tokens are held; every lookup compares
 * against every adapter in constant time so timing does not reveal how close a guess was.
 */
public final class AdapterRegistry {

  /** One configured adapter and the SHA-256 of its token. */
  public record Registration(Adapter adapter, byte[] tokenSha256) {}

  private final List<Registration> registrations;

  public AdapterRegistry(List<Registration> registrations) {
    this.registrations = List.copyOf(registrations);
  }

  public Optional<Adapter> authenticate(String token) {
    if (token == null || token.isEmpty()) return Optional.empty();
    byte[] presented = sha256(token);
    Adapter found = null;
    for (Registration registration : registrations) {
      if (MessageDigest.isEqual(presented, registration.tokenSha256()) && found == null) {
        found = registration.adapter();
      }
    }
    return Optional.ofNullable(found);
  }

  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
