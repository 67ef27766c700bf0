package io.heddle.observe.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.Map;

/**
 * The lines one Logback logger writes while the capture is open, each with a copy of the MDC it was written with.
 * The copy is taken in {@link #append}, on the thread that logged: Logback reads an event's MDC lazily, so a
 * {@code ListAppender} read later on the test's thread would show the test thread's MDC instead. Thread-safe: lines
 * arrive on actors' threads, the test waits on its own.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** A line: its formatted message, the MDC it was written with, and the thread that wrote it. */
    public record Line(String message, Map<String, String> mdc, String thread) {}

    private final EventLog<Line> lines = new EventLog<>();
    private final Logger logger;

    /** Starts capturing what {@code logger} writes at INFO and above; it then writes nowhere else. */
    public CapturedLogs(org.slf4j.Logger logger) {
        this.logger = (Logger) logger;
        setContext(this.logger.getLoggerContext());
        setName("captured " + logger.getName());
        start();
        this.logger.setLevel(Level.INFO);
        this.logger.setAdditive(false);
        this.logger.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.accept(new Line(event.getFormattedMessage(), Map.copyOf(event.getMDCPropertyMap()),
                Thread.currentThread().toString()));
    }

    /** Waits for the line whose message is {@code message}; fails after 10 s. */
    public Line await(String message) throws InterruptedException {
        return lines.await(Line.class, line -> line.message().equals(message), "the line '" + message + "'");
    }

    /** Stops capturing. */
    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
