package io.heddle.internal.table;

import io.heddle.MonitorRef;
import io.heddle.internal.cell.ActorCell;
import io.heddle.internal.ref.Recipient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;

/**
 * An actor's place in the {@link ActorTable} beyond its two sibling fields: its children, links, watchers, names and
 * groups. Allocated the first time the actor gets any of them. Every field is guarded by the table's lock.
 */
public final class TableEntry {

    ActorCell<?> firstChild;
    ActorCell<?> lastChild;
    /** Set when the actor leaves the table: links, monitors and names are refused with noproc from then on. */
    boolean closed;
    /** Actors linked to this one. An exit signal removes its sender when the receiver handles it. */
    HashSet<Recipient<?>> links;
    /** Who monitors this actor: monitor to watcher. */
    HashMap<MonitorRef, Recipient<?>> watchers;
    /** Names this actor holds in the registry. */
    ArrayList<String> names;
    /** Registry groups this actor is a member of. */
    ArrayList<String> groups;

    /** True if the actor has children. Caller holds the table's lock, or is the actor's own thread after it left. */
    public boolean hasChildren() {
        return firstChild != null;
    }
}
