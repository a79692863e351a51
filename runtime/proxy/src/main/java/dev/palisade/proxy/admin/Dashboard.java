package dev.palisade.proxy.admin;

import dev.palisade.proxy.log.RecentLines;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.concurrent.TimeUnit;

/**
 * The admin port's live view ({@code palisade serve --dashboard}): the page {@code page} draws from the
 * {@code window} of recent decision lines. Drawing parses up to the whole window, so the admin
 * endpoints run on a thread of their own while a dashboard is on, never on the event loops that
 * carry the proxied traffic.
 */
public final class Dashboard implements AutoCloseable {
    private final RecentLines window;
    private final DashboardPage page;
    private final EventExecutorGroup executor;

    private Dashboard(RecentLines window, DashboardPage page) {
        this.window = window;
        this.page = page;
        this.executor = new DefaultEventExecutorGroup(1, new DefaultThreadFactory("palisade-dashboard", true));
    }

    public static Dashboard start(RecentLines window, DashboardPage page) {
        return new Dashboard(window, page);
    }

    /** The page for the lines in the window now. */
    String render() {
        return page.render(window.snapshot());
    }

    EventExecutorGroup executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
