package io.plantsync.projections.exceptions;

import io.plantsync.projections.views.ViewQueries.InvalidPageToken;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of a plant's exceptions starts: after the last one answered ({@code at},
 * then its row id). Opaque to clients (base64url); it names the plant so that it cannot be replayed
 * against another plant's list. It does not name {@code since}: a page request that omits it (24 h
 * before now) moves the lower bound a little, which only ever shortens the list.
 */
record ExceptionPageToken(String plant, Instant at, UUID id) {

  private static final String PREFIX = "exceptions-v1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  String encode() {
    String text = String.join(":", PREFIX, plant, Long.toString(at.toEpochMilli()), id.toString());
    return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a token names, if it is a token of this plant's exception list. */
  static ExceptionPageToken decode(String token, String plant) {
    String[] parts;
    Instant at;
    UUID id;
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(DECODER.decode(token))).toString();
      parts = text.split(":", -1);
      if (parts.length != 4 || !parts[0].equals(PREFIX)) throw new IllegalArgumentException("not ours");
      at = Instant.ofEpochMilli(Long.parseLong(parts[2]));
      id = UUID.fromString(parts[3]);
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw new InvalidPageToken("is not a page token of this view");
    }
    if (!parts[1].equals(plant)) throw new InvalidPageToken("belongs to another query");
    return new ExceptionPageToken(plant, at, id);
  }
}
