package io.heddle.inspect;

import java.util.List;

/**
 * The supervision tree: every live actor under its parent, in spawn order; the roots are the top-level actors.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param system the system's name
 * @param roots  the top-level actors and their descendants
 */
public record ActorTree(String system, List<Node> roots) {

    /** Copies the roots. */
    public ActorTree {
        roots = List.copyOf(roots);
    }

    /**
     * One actor and its children.
     *
     * @param actor    the actor
     * @param children its children, in spawn order
     */
    public record Node(ActorInfo actor, List<Node> children) {

        /** Copies the children. */
        public Node {
            children = List.copyOf(children);
        }
    }

    /** Returns the number of actors in the tree. */
    public int size() {
        return count(roots);
    }

    private static int count(List<Node> nodes) {
        int n = nodes.size();
        for (Node node : nodes) n += count(node.children());
        return n;
    }
}
