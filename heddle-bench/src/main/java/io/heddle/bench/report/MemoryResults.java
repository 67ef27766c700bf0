package io.heddle.bench.report;

import io.heddle.bench.IdleActorMemory;
import java.util.Map;

/** Reads the JSON object that {@code IdleActorMemory --json} writes. */
public final class MemoryResults {

    private MemoryResults() {}

    /** Parses one result. */
    public static IdleActorMemory.Result parse(String json) {
        Map<String, Object> o = Json.object(Json.parse(json));
        return new IdleActorMemory.Result(String.valueOf(o.get("impl")), (int) Json.number(o.get("count")),
                (long) Json.number(o.get("delivered")), Json.number(o.get("bytesPerActor")),
                Json.number(o.get("spawnAndDeliverMillis")), Json.number(o.get("shutdownMillis")));
    }
}
