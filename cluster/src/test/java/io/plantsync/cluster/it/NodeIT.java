package io.plantsync.cluster.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test class that talks to one real node, started for the class, on the run's shared Cassandra. */
@ExtendWith(SharedCassandra.class)
abstract class NodeIT {

  static TestNode node;
  static ApiClient api;

  @BeforeAll
  static void startNode() throws Exception {
    node = TestNode.start(SharedCassandra.node());
    api = new ApiClient(node.baseUri());
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (node != null) node.close();
    node = null;
  }
}
