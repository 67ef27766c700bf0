package io.heddle.dashboard;

import io.heddle.Pid;

/**
 * What a request asks for, from its path alone; {@link HttpGate} checks the method, the host and the token.
 *
 * <p>Thread-safe: immutable values.
 */
sealed interface Route {

    /** {@code GET /}: the page. */
    record Page() implements Route {}

    /** {@code GET /api/<view>}: a read-only JSON view. */
    record Read(View view) implements Route {}

    /** {@code GET /api/events}: the server-sent event stream of samples. */
    record Events() implements Route {}

    /** {@code GET /api/actors/<pid>}: one actor, read now. */
    record ActorDetails(Pid pid) implements Route {}

    /** {@code POST /api/actors/<pid>/<action>}: stop or kill an actor. */
    record Act(Pid pid, Action action) implements Route {}

    /** A path that names a pid, but not a valid one. */
    record BadPid(String message) implements Route {}

    /** Any other path. */
    record Unknown(String path) implements Route {}

    /** Returns what {@code path} (decoded, without the query) asks for. */
    static Route of(String path) {
        if (path.equals("/") || path.equals("/index.html")) return new Page();
        if (!path.startsWith("/api/")) return new Unknown(path);
        String rest = path.substring("/api/".length());
        if (rest.equals("events")) return new Events();
        for (View view : View.values()) {
            if (rest.equals(view.path())) return new Read(view);
        }
        if (!rest.startsWith("actors/")) return new Unknown(path);
        String[] parts = rest.substring("actors/".length()).split("/", -1);
        if (parts.length > 2) return new Unknown(path);
        Pid pid;
        try {
            pid = Pid.parse(parts[0]);
        } catch (IllegalArgumentException e) {
            return new BadPid(e.getMessage());
        }
        if (parts.length == 1) return new ActorDetails(pid);
        for (Action action : Action.values()) {
            if (parts[1].equals(action.segment())) return new Act(pid, action);
        }
        return new Unknown(path);
    }

    /** Returns the HTTP method the route answers. */
    default String method() {
        return this instanceof Act ? "POST" : "GET";
    }
}
