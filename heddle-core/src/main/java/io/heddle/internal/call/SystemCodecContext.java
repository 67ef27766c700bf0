package io.heddle.internal.call;

import io.heddle.ActorRef;
import io.heddle.Pid;
import io.heddle.ReplyTo;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.system.SystemImpl;
import io.heddle.spi.CodecContext;
import io.heddle.spi.ReplyHandle;
import java.util.Objects;
import java.util.Optional;

/** A system's {@link CodecContext}: one per system, made with it; see the interface for the contract. */
public final class SystemCodecContext implements CodecContext {

    private final SystemImpl system;
    private final ExportedCalls exported = new ExportedCalls();

    public SystemCodecContext(SystemImpl system) {
        this.system = Objects.requireNonNull(system, "system");
    }

    /** Returns the system's exported calls; for tests and inspection. */
    public ExportedCalls exportedCalls() {
        return exported;
    }

    @Override
    public int localNode() {
        return Pid.LOCAL_NODE;
    }

    @Override
    public Pid pidOf(ActorRef<?> ref) {
        Objects.requireNonNull(ref, "ref");
        ActorCell<?> cell = (ActorCell<?>) ref;
        if (cell.system() != system) {
            throw new IllegalArgumentException("cannot encode " + ref + ": it is an actor of " + cell.system()
                    + ", not of " + system + ", whose codec context would not find it by its pid");
        }
        return ref.pid();
    }

    @Override
    public Optional<ActorRef<?>> refOf(Pid pid) {
        Objects.requireNonNull(pid, "pid");
        if (!pid.isLocal()) return Optional.empty();
        return system.inspect().ref(pid).filter(ref -> ((ActorCell<?>) ref).isAlive());
    }

    @Override
    public ReplyHandle exportReply(ReplyTo<?> reply) {
        Objects.requireNonNull(reply, "reply");
        return switch (reply) {
            case PendingReply<?> call -> {
                if (call.target().system() != system) {
                    throw new IllegalArgumentException("cannot export the reply handle of a call to " + call.target()
                            + ": it is an actor of " + call.target().system() + ", not of " + system);
                }
                yield exported.export(call, system.clock());
            }
            case LateReply<?> late -> new ReplyHandle(Pid.LOCAL_NODE, late.callId(), 0);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> ReplyTo<R> importReply(ReplyHandle handle) {
        Objects.requireNonNull(handle, "handle");
        if (handle.node() != Pid.LOCAL_NODE) {
            throw new IllegalArgumentException("cannot import the reply handle of call " + handle.callId()
                    + " of node " + handle.node() + ": the core knows only its own node (" + Pid.LOCAL_NODE
                    + "); replies to another node's calls need the cluster module");
        }
        PendingReply<?> call = exported.find(handle.callId());
        return call != null ? (ReplyTo<R>) call : new LateReply<>(system, handle.callId());
    }

    @Override
    public String toString() {
        return "CodecContext[" + system + ", " + exported.size() + " exported calls waiting]";
    }
}
