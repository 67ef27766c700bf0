package io.heddle;

import java.util.stream.Stream;

/** The backends every lifecycle test runs on: the shared dispatcher, a virtual thread and a platform thread. */
final class TestBackends {

    private TestBackends() {}

    static Stream<Backend> all() {
        return Stream.of(Backend.dispatcher(), Backend.virtualThread(), Backend.platformThread());
    }
}
