package io.plantsync.cluster.cassandra;

import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.session.ProgrammaticArguments;
import com.datastax.oss.driver.internal.core.context.DefaultDriverContext;
import com.datastax.oss.driver.internal.core.context.DefaultNettyOptions;
import com.datastax.oss.driver.internal.core.context.NettyOptions;
import io.netty.channel.Channel;
import java.util.function.BooleanSupplier;

/**
 * A {@link CqlSessionBuilder} whose connections refuse to send anything once {@code writesAllowed}
 * turns false ({@link PauseFencedWrites} at the head of every connection's pipeline). The driver's
 * documented extension point for this is its Netty options' {@code afterChannelInitialized}, reached
 * through a context subclass (internal API of java-driver-core, pinned in the root pom).
 */
public final class FencedSessionBuilder extends CqlSessionBuilder {

  private final BooleanSupplier writesAllowed;

  public FencedSessionBuilder(BooleanSupplier writesAllowed) {
    this.writesAllowed = writesAllowed;
  }

  @Override
  protected DriverContext buildContext(DriverConfigLoader configLoader, ProgrammaticArguments arguments) {
    PauseFencedWrites fence = new PauseFencedWrites(writesAllowed);
    return new DefaultDriverContext(configLoader, arguments) {
      @Override
      protected NettyOptions buildNettyOptions() {
        return new DefaultNettyOptions(this) {
          @Override
          public void afterChannelInitialized(Channel channel) {
            super.afterChannelInitialized(channel);
            channel.pipeline().addFirst(PauseFencedWrites.NAME, fence);
          }
        };
      }
    };
  }
}
