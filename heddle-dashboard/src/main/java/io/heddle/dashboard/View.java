package io.heddle.dashboard;

import java.util.function.Function;

/** The read-only JSON views of a sample, each at {@code /api/<path>}. */
enum View {
    /** Everything the page shows, in one document. */
    STATE("state", s -> s.stateJson()),
    /** The system's summary. */
    SYSTEM("system", s -> StateJson.system(s.snapshot())),
    /** Every actor, with its rate and latency. */
    ACTORS("actors", s -> StateJson.actors(s.snapshot())),
    /** The supervision tree. */
    TREE("tree", s -> StateJson.tree(s.snapshot())),
    /** The links. */
    LINKS("links", s -> StateJson.links(s.snapshot())),
    /** The monitors. */
    MONITORS("monitors", s -> StateJson.monitors(s.snapshot())),
    /** The routers and pools, with their routees. */
    ROUTERS("routers", s -> StateJson.routers(s.snapshot())),
    /** Recent dead letters. */
    DEAD_LETTERS("dead-letters", s -> StateJson.deadLetters(s.snapshot())),
    /** Recent scheduling events. */
    SCHEDULING_EVENTS("scheduling-events", s -> StateJson.schedulingEvents(s.snapshot()));

    private final String path;
    private final Function<Sample, String> render;

    View(String path, Function<Sample, String> render) {
        this.path = path;
        this.render = render;
    }

    /** Returns its path segment after {@code /api/}. */
    String path() {
        return path;
    }

    /** Returns the sample as this view's JSON. */
    String render(Sample sample) {
        return render.apply(sample);
    }
}
