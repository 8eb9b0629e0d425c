package io.plantsync.cluster.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CassandraSchemaDocTest {

  @Test
  void theDocumentedProductionSchemaIsWhatTheJournalExpects() throws Exception {
    Path documented = Path.of("..", "src", "docs", "cassandra-schema.cql");
    assertThat(Files.readString(documented))
        .as("src/docs/cassandra-schema.cql is out of date: regenerate it with "
            + "bin/plantsync schema > src/docs/cassandra-schema.cql")
        .isEqualTo(CassandraSchema.render());
  }
}
