package io.heddle.observe.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flight recording of chosen events, read back once stopped. Stopping flushes every thread's buffer, so an event
 * committed before {@link #stop} is in what it returns: the test waits for the runtime to report what it expects, then
 * stops, with no time-based wait. Call from the test's thread only.
 */
public final class FlightRecording implements AutoCloseable {

    private final Recording recording = new Recording();
    private final Path file;

    /** A recording that will be dumped into {@code directory}. */
    public FlightRecording(Path directory) {
        this.file = directory.resolve("heddle.jfr");
        recording.setName("heddle-observe test");
    }

    /** Enables {@code eventName} with the threshold of its annotation. */
    public FlightRecording enable(String eventName) {
        recording.enable(eventName);
        return this;
    }

    /** Enables {@code eventName} with {@code threshold}. */
    public FlightRecording enable(String eventName, Duration threshold) {
        recording.enable(eventName).withThreshold(threshold);
        return this;
    }

    /** Starts recording. */
    public FlightRecording start() {
        recording.start();
        return this;
    }

    /**
     * Stops, dumps and reads the recording; returns its events named {@code eventName} whose {@code system} field is
     * {@code system}, by start time.
     */
    public List<RecordedEvent> stop(String eventName, String system) throws IOException {
        return stop().stream().filter(e -> e.getEventType().getName().equals(eventName))
                .filter(e -> system.equals(e.getString("system"))).toList();
    }

    /** Stops, dumps and reads the recording; returns all its events by start time. */
    public List<RecordedEvent> stop() throws IOException {
        if (recording.getState() == RecordingState.RUNNING) {
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream()
                .sorted(Comparator.comparing(RecordedEvent::getStartTime)).toList();
    }

    @Override
    public void close() throws IOException {
        recording.close();
        Files.deleteIfExists(file);
    }
}
