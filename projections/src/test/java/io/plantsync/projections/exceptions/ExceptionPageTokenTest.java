package io.plantsync.projections.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantsync.projections.views.ViewQueries.InvalidPageToken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExceptionPageTokenTest {

  static final ExceptionPageToken POSITION = new ExceptionPageToken("1000",
      Instant.parse("2026-11-27T08:00:00.123Z"), UUID.fromString("5f0c8a10-ca3b-11f0-8000-0242ac120002"));

  @Test
  void aTokenLeadsBackToThePositionItWasMadeFor() {
    String token = POSITION.encode();
    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(ExceptionPageToken.decode(token, "1000")).isEqualTo(POSITION);
  }

  @Test
  void aTokenOfAnotherPlantBelongsToAnotherQuery() {
    assertThatThrownBy(() -> ExceptionPageToken.decode(POSITION.encode(), "2000"))
        .isInstanceOf(InvalidPageToken.class).hasMessage("belongs to another query");
  }

  @Test
  void anythingElseIsNotAPageTokenOfThisView() {
    String material = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("after-material:RM-7".getBytes(StandardCharsets.UTF_8));
    String badTime = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("exceptions-v1:1000:soon:5f0c8a10-ca3b-11f0-8000-0242ac120002".getBytes(StandardCharsets.UTF_8));
    for (String token : new String[] {"xyz!", material, badTime, "AAEC", ""}) {
      assertThatThrownBy(() -> ExceptionPageToken.decode(token, "1000")).as(token)
          .isInstanceOf(InvalidPageToken.class).hasMessage("is not a page token of this view");
    }
  }
}
