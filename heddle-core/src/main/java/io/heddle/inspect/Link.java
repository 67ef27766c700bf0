package io.heddle.inspect;

import io.heddle.Pid;

/**
 * A link between two actors; links are symmetric, and each appears once, with the smaller pid first.
 *
 * @param a one end
 * @param b the other
 */
public record Link(Pid a, Pid b) {
}
