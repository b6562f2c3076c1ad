package io.ace.cli;

import java.util.concurrent.CountDownLatch;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** The end of a long-running command ({@code serve}, {@code worker}): the application context closing on Ctrl-C or SIGTERM. */
final class ContextClosing {

    private final CountDownLatch closed = new CountDownLatch(1);

    /** Listens from now on, so a close that comes while the command starts is not missed. */
    ContextClosing(ApplicationContext context) {
        ((ConfigurableApplicationContext) context).addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
    }

    void await() throws InterruptedException {
        closed.await();
    }
}
