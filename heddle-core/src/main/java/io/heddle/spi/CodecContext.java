package io.heddle.spi;

import io.heddle.ActorRef;
import io.heddle.ActorSystem;
import io.heddle.Pid;
import io.heddle.ReplyTo;
import io.heddle.internal.system.SystemImpl;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link MessageCodec} needs from an actor system to write and read fields that refer to the runtime: actor
 * references, as pids, and reply handles, as {@link ReplyHandle}s.
 *
 * <p>A reply handle is exported by the node that holds the waiting caller, and keeps working there: exporting
 * registers the call in the system's table of exported calls, under a call id, so an answer through the handle
 * imported back finds the caller. The entry goes when the call is settled (answered, failed, or undelivered) or
 * abandoned (the caller timed out or was interrupted), so the table holds only calls someone still waits on. Calls
 * whose handles are never exported are not in it and cost nothing.
 *
 * <p>The core knows only its own node: pids and handles of another node are refused or unresolved, as each method
 * says. Remote references and replies come with a cluster module.
 *
 * <p>Threading: thread-safe; codecs call it concurrently.
 */
public interface CodecContext {

    /**
     * Returns the context of {@code system}: one per system, shared by all its codecs.
     *
     * @throws IllegalArgumentException if {@code system} is not one {@link ActorSystem#create} made
     */
    static CodecContext of(ActorSystem system) {
        Objects.requireNonNull(system, "system");
        if (system instanceof SystemImpl impl) return impl.codecContext();
        throw new IllegalArgumentException(system + " is not an actor system of Heddle's core (made by "
                + "ActorSystem.create); it has no codec context");
    }

    /**
     * Returns the node index pids and handles of this node carry: always {@link Pid#LOCAL_NODE} in the core, where a
     * system knows no other node. (A cluster module maps its peers to other indexes.)
     */
    int localNode();

    /**
     * Returns the pid to write for {@code ref}.
     *
     * @throws IllegalArgumentException if {@code ref} belongs to another actor system of this JVM, whose pids this
     *                                  system could not resolve
     */
    Pid pidOf(ActorRef<?> ref);

    /**
     * Returns the live actor of this node whose pid is {@code pid}: empty if it has stopped or never existed here. A pid
     * of another node gives empty too: references to remote actors come with a cluster module.
     *
     * <p>Cost: the core finds the actor by walking its table of live actors, so this takes time in the number of
     * actors.
     */
    Optional<ActorRef<?>> refOf(Pid pid);

    /**
     * Exports {@code reply}: registers its call in the system's table of exported calls (once: exporting the same
     * handle again gives the same call id) and returns the handle to write. If the caller no longer waits, the handle
     * says so ({@link ReplyHandle#remainingNanos()} 0) and nothing is registered for long.
     *
     * <p>Export a reply handle from the request the callee received, not from inside the request factory passed to
     * {@code call}: until the request is sent, the call has no deadline to export.
     *
     * @throws IllegalArgumentException if {@code reply} is a call to an actor of another system
     * @throws IllegalStateException    if it is exported from inside its own request factory
     */
    ReplyHandle exportReply(ReplyTo<?> reply);

    /**
     * Returns the reply handle {@code handle} names. For a handle of this node: the exported call's own handle, if its
     * caller still waits; otherwise (answered, timed out, or never exported here) a handle whose answers go to dead
     * letters as {@link io.heddle.DeadLetter.Reason#LATE_REPLY}, each {@code reply} and {@code fail} returning false.
     *
     * @throws IllegalArgumentException if {@code handle} is of another node: replies to remote calls need a cluster
     *                                  module
     */
    <R> ReplyTo<R> importReply(ReplyHandle handle);
}
