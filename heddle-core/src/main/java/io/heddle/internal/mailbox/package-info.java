/**
 * Queues: the envelope (one allocation per message, also the node of the linked mailbox queue), its sealed meta,
 * the mailbox queues per strategy, and the extra lanes an actor may have (urgent, put aside, stashed).
 */
package io.heddle.internal.mailbox;
