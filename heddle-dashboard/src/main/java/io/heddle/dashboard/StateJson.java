package io.heddle.dashboard;

import io.heddle.DeadLetter;
import io.heddle.Health;
import io.heddle.Pid;
import io.heddle.inspect.ActorInfo;
import io.heddle.inspect.ActorTree;
import io.heddle.inspect.Link;
import io.heddle.inspect.Monitor;
import io.heddle.inspect.RouterInfo;
import io.heddle.inspect.SystemInfo;
import io.heddle.scheduling.BlockedWorker;
import io.heddle.scheduling.HandlerTimedOut;
import io.heddle.scheduling.SchedulingEvent;
import io.heddle.scheduling.Starvation;
import io.heddle.scheduling.WorkersExhausted;
import java.time.Duration;
import java.util.List;

/**
 * The JSON documents the dashboard serves, one method per endpoint; {@code docs/dashboard.md} describes their fields.
 * Pids are strings as Heddle prints them ({@code "<0.42.0>"}), durations are milliseconds, times are ISO-8601
 * instants, and an unknown value is null.
 *
 * <p>Thread-safe: stateless. Messages and events are shown by their {@code toString()}, cut to 200 and
 * {@value #MAX_TEXT} characters; a {@code toString()} that throws is replaced by the message's class and the
 * exception's.
 */
final class StateJson {

    /** The most characters of a message or event text sent. */
    static final int MAX_TEXT = 2_000;
    private static final int MAX_MESSAGE = 200;

    private StateJson() {}

    /** {@code /api/state}: everything the page shows. */
    static String state(Snapshot s) {
        Json json = new Json().beginObject();
        json.name("system");
        system(json, s.system());
        json.field("instrumented", s.instrumented());
        json.name("actors").beginArray();
        for (ActorInfo a : s.actors()) actor(json, a, s.rates().get(a.pid()), s.latencies().get(a.pid()));
        json.endArray();
        json.name("tree");
        tree(json, s.tree());
        json.name("links");
        links(json, s.links());
        json.name("monitors");
        monitors(json, s.monitors());
        json.name("routers");
        routers(json, s.routers());
        json.name("deadLetters");
        deadLetters(json, s.deadLetters());
        json.name("schedulingEvents");
        schedulingEvents(json, s.schedulingEvents());
        return json.endObject().toString();
    }

    /** {@code /api/system}. */
    static String system(Snapshot s) {
        Json json = new Json();
        system(json, s.system());
        return json.toString();
    }

    /** {@code /api/actors}. */
    static String actors(Snapshot s) {
        Json json = new Json().beginArray();
        for (ActorInfo a : s.actors()) actor(json, a, s.rates().get(a.pid()), s.latencies().get(a.pid()));
        return json.endArray().toString();
    }

    /** {@code /api/actors/{pid}}: one actor, read just now. */
    static String actor(ActorInfo a, Double rate, Latency latency) {
        Json json = new Json();
        actor(json, a, rate, latency);
        return json.toString();
    }

    /** {@code /api/tree}. */
    static String tree(Snapshot s) {
        Json json = new Json();
        tree(json, s.tree());
        return json.toString();
    }

    /** {@code /api/links}. */
    static String links(Snapshot s) {
        Json json = new Json();
        links(json, s.links());
        return json.toString();
    }

    /** {@code /api/monitors}. */
    static String monitors(Snapshot s) {
        Json json = new Json();
        monitors(json, s.monitors());
        return json.toString();
    }

    /** {@code /api/routers}. */
    static String routers(Snapshot s) {
        Json json = new Json();
        routers(json, s.routers());
        return json.toString();
    }

    /** {@code /api/dead-letters}. */
    static String deadLetters(Snapshot s) {
        Json json = new Json();
        deadLetters(json, s.deadLetters());
        return json.toString();
    }

    /** {@code /api/scheduling-events}. */
    static String schedulingEvents(Snapshot s) {
        Json json = new Json();
        schedulingEvents(json, s.schedulingEvents());
        return json.toString();
    }

    /** An error: what went wrong and what to do. */
    static String error(int status, String message) {
        return new Json().beginObject().field("status", status).field("error", message).endObject().toString();
    }

    private static void system(Json json, SystemInfo s) {
        json.beginObject()
                .field("name", s.name())
                .field("uptimeMs", s.uptime().toMillis())
                .field("running", s.running())
                .field("actors", s.actors())
                .field("tasks", s.tasks())
                .field("workers", s.workers())
                .field("parallelism", s.parallelism())
                .field("deadLetters", s.deadLetters())
                .endObject();
    }

    private static void actor(Json json, ActorInfo a, Double rate, Latency latency) {
        json.beginObject()
                .field("pid", a.pid().toString())
                .field("name", a.name())
                .field("label", a.label())
                .field("displayName", a.displayName())
                .field("kind", a.kind().name())
                .field("state", a.state().name())
                .field("parent", text(a.parent()))
                .field("childId", a.childId())
                .field("restarts", a.restarts())
                .field("mailboxSize", a.mailboxSize());
        json.name("mailboxCapacity");
        if (a.mailboxCapacity() >= Integer.MAX_VALUE - 1) json.nullValue();
        else json.value(a.mailboxCapacity());
        json.field("processed", Integer.toUnsignedLong(a.processed()));
        json.name("rate");
        if (rate == null) json.nullValue();
        else json.value(round(rate));
        json.name("latency");
        if (latency == null) {
            json.nullValue();
        } else {
            json.beginObject()
                    .field("count", latency.count())
                    .field("ewmaMs", round(latency.ewmaNanos() / 1e6))
                    .field("meanMs", round(latency.meanNanos() / 1e6))
                    .field("maxMs", round(latency.maxNanos() / 1e6))
                    .endObject();
        }
        json.field("currentMessage", a.currentMessage());
        json.name("handlingForMs");
        millis(json, a.handlingFor());
        json.name("uptimeMs");
        millis(json, a.uptime());
        pids(json.name("links"), a.links());
        pids(json.name("monitors"), a.monitors());
        pids(json.name("monitoredBy"), a.monitoredBy());
        json.name("names").beginArray();
        for (String n : a.names()) json.value(n);
        json.endArray();
        json.name("health");
        health(json, a.health());
        json.endObject();
    }

    private static void health(Json json, Health health) {
        json.beginObject();
        switch (health) {
            case Health.Healthy h -> json.field("status", "HEALTHY").field("reason", (String) null);
            case Health.Degraded(String reason) -> json.field("status", "DEGRADED").field("reason", reason);
            case Health.Unhealthy(String reason) -> json.field("status", "UNHEALTHY").field("reason", reason);
        }
        json.endObject();
    }

    private static void tree(Json json, ActorTree tree) {
        json.beginObject().field("system", tree.system()).name("roots");
        nodes(json, tree.roots());
        json.endObject();
    }

    private static void nodes(Json json, List<ActorTree.Node> nodes) {
        json.beginArray();
        for (ActorTree.Node node : nodes) {
            ActorInfo a = node.actor();
            json.beginObject()
                    .field("pid", a.pid().toString())
                    .field("name", a.name())
                    .field("displayName", a.displayName())
                    .field("kind", a.kind().name())
                    .field("state", a.state().name())
                    .field("childId", a.childId())
                    .field("restarts", a.restarts())
                    .name("children");
            nodes(json, node.children());
            json.endObject();
        }
        json.endArray();
    }

    private static void links(Json json, List<Link> links) {
        json.beginArray();
        for (Link l : links) json.beginObject().field("a", l.a().toString()).field("b", l.b().toString()).endObject();
        json.endArray();
    }

    private static void monitors(Json json, List<Monitor> monitors) {
        json.beginArray();
        for (Monitor m : monitors) {
            json.beginObject().field("watcher", m.watcher().toString()).field("target", m.target().toString())
                    .endObject();
        }
        json.endArray();
    }

    private static void routers(Json json, List<RouterInfo> routers) {
        json.beginArray();
        for (RouterInfo r : routers) {
            json.beginObject()
                    .field("pid", r.pid().toString())
                    .field("name", r.name())
                    .field("strategy", r.strategy())
                    .field("source", r.source())
                    .field("pool", "pool".equals(r.source()));
            json.name("minSize");
            sizeOrNull(json, r.minSize(), r);
            json.name("maxSize");
            sizeOrNull(json, r.maxSize(), r);
            json.field("size", r.routees().size()).name("routees").beginArray();
            for (RouterInfo.RouteeInfo routee : r.routees()) {
                json.beginObject()
                        .field("pid", routee.pid().toString())
                        .field("name", routee.name())
                        .field("mailboxSize", routee.mailboxSize())
                        .field("processed", Integer.toUnsignedLong(routee.processed()))
                        .field("busy", routee.busy())
                        .endObject();
            }
            json.endArray().endObject();
        }
        json.endArray();
    }

    /** A pool's minimum or maximum size; null for a router that is not a pool. */
    private static void sizeOrNull(Json json, int size, RouterInfo r) {
        if ("pool".equals(r.source())) json.value(size);
        else json.nullValue();
    }

    private static void deadLetters(Json json, List<DeadLetter> letters) {
        json.beginArray();
        for (DeadLetter d : letters) {
            json.beginObject()
                    .field("recipient", d.recipient().toString())
                    .field("recipientName", d.recipientName())
                    .field("messageType", d.message().getClass().getName())
                    .field("message", describe(d.message(), MAX_MESSAGE))
                    .field("reason", d.reason().name())
                    .field("description", d.reason().description())
                    .field("at", d.timestamp().toString())
                    .endObject();
        }
        json.endArray();
    }

    private static void schedulingEvents(Json json, List<SchedulingEvent> events) {
        json.beginArray();
        for (SchedulingEvent e : events) {
            json.beginObject().field("at", e.at().toString());
            switch (e) {
                case HandlerTimedOut t -> json.field("type", "HandlerTimedOut").field("actor", t.actor().toString())
                        .field("severity", "WARNING");
                case BlockedWorker b -> json.field("type", "BlockedWorker").field("actor", b.actor().toString())
                        .field("severity", "WARNING");
                case Starvation s -> json.field("type", "Starvation").field("actor", (String) null)
                        .field("severity", s.severity().name());
                case WorkersExhausted x -> json.field("type", "WorkersExhausted").field("actor", (String) null)
                        .field("severity", "WARNING");
            }
            String text = describe(e, MAX_TEXT);
            int newline = text.indexOf('\n');
            json.field("summary", newline < 0 ? text : text.substring(0, newline))
                    .field("detail", text)
                    .endObject();
        }
        json.endArray();
    }

    private static void pids(Json json, List<Pid> pids) {
        json.beginArray();
        for (Pid p : pids) json.value(p.toString());
        json.endArray();
    }

    private static void millis(Json json, Duration d) {
        if (d == null) json.nullValue();
        else json.value(d.toMillis());
    }

    private static String text(Pid pid) {
        return pid == null ? null : pid.toString();
    }

    /** Three decimals are plenty for a person. */
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** The object's {@code toString()}, cut to {@code max} characters; never throws. */
    private static String describe(Object o, int max) {
        String s;
        try {
            s = String.valueOf(o);
        } catch (RuntimeException e) {
            s = o.getClass().getName() + " (its toString() threw " + e.getClass().getName() + ")";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
