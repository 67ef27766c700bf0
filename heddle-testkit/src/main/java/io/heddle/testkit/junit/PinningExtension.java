package io.heddle.testkit.junit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Records {@code jdk.VirtualThreadPinned} events around each test and fails the test if there are any. */
public final class PinningExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            PinningExtension.class);

    private record Recording(RecordingStream stream, List<String> pinnings) {}

    @Override
    public void beforeEach(ExtensionContext context) {
        List<String> pinnings = new CopyOnWriteArrayList<>();
        RecordingStream stream = new RecordingStream();
        stream.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
        stream.onEvent("jdk.VirtualThreadPinned", event -> pinnings.add(describe(event)));
        stream.startAsync();
        context.getStore(NAMESPACE).put(context.getUniqueId(), new Recording(stream, pinnings));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Recording recording = context.getStore(NAMESPACE).remove(context.getUniqueId(), Recording.class);
        if (recording == null) return;
        recording.stream().stop(); // flushes: every event recorded so far has been delivered
        recording.stream().close();
        if (!recording.pinnings().isEmpty()) {
            throw new AssertionError(recording.pinnings().size() + " virtual thread(s) pinned their carrier during "
                    + context.getDisplayName() + ": a virtual thread blocked where the JVM could not unmount it (a "
                    + "native frame, a class initializer), holding a carrier every virtual thread needs. Move the "
                    + "blocking out of there, or run that code on a platform thread.\n"
                    + String.join("\n", recording.pinnings()));
        }
    }

    private static String describe(RecordedEvent event) {
        StringBuilder text = new StringBuilder("pinned for ").append(event.getDuration().toNanos() / 1_000)
                .append(" us on ").append(event.getThread() == null ? "?" : event.getThread().getJavaName());
        if (event.getStackTrace() != null) {
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                text.append("\n\tat ").append(frame.getMethod().getType().getName()).append('.')
                        .append(frame.getMethod().getName()).append(" (line ").append(frame.getLineNumber())
                        .append(')');
            }
        }
        return text.toString();
    }
}
